/**
 * The audit log: every moderation action, written in the transaction that does it, so the log
 * and what happened can't disagree. Who (account), what (action), to what (type and id), when.
 */
import type { Queryable } from "../db/client.ts";

export type AuditAction =
  | "update"
  | "assigned_to_self"
  | "unassigned"
  | "resolve"
  | "reopen"
  | "add_note"
  | "create"
  // Account actions (account-actions.ts), with Mastodon's names.
  | "warn"
  | "sensitive"
  | "unsensitive"
  | "silence"
  | "unsilence"
  | "suspend"
  | "unsuspend"
  | "disable"
  | "enable"
  | "approve"
  | "reject"
  | "destroy"
  | "approve_appeal"
  | "reject_appeal"
  | "change_role"
  | "purge"
  // Invites (invites.ts).
  | "expire";

/** What an action was done to. */
export type AuditTarget =
  | "Report"
  | "Account"
  | "Appeal"
  | "DomainBlock"
  | "DomainAllow"
  | "DomainBlockSubscription"
  | "UserRole"
  | "AccountWarningPreset"
  /** A whole remote domain (a purge); its target id is 0. */
  | "Domain"
  | "EmailDomainBlock"
  | "IpBlock"
  | "CanonicalEmailBlock"
  | "Invite"
  | "SpamLimits"
  // Trends review (lib/trends): a hashtag, a status, a shared link or a link's publisher (host).
  | "Tag"
  | "Status"
  | "Link"
  | "Publisher"
  // An account the staff suggest to everyone (lib/domain/suggestions.ts).
  | "FeaturedAccount";

export interface AuditLogRow {
  id: string;
  account_id: string | null;
  action: AuditAction;
  target_type: AuditTarget;
  target_id: string;
  human_identifier: string | null;
  created_at: Date;
}

export async function recordAction(
  db: Queryable,
  entry: {
    /** The moderator; null for what a blocklist subscription applied with nobody left to name. */
    accountId: string | null;
    action: AuditAction;
    targetType: AuditTarget;
    targetId: string;
    humanIdentifier?: string | null;
  },
): Promise<void> {
  await db`
    INSERT INTO admin_action_logs (account_id, action, target_type, target_id, human_identifier)
    VALUES (${entry.accountId}, ${entry.action}, ${entry.targetType}, ${entry.targetId},
            ${entry.humanIdentifier ?? null})`;
}

/** The entries about one target (a report's history), oldest first. */
export async function actionsOn(
  db: Queryable,
  targetType: AuditTarget,
  targetId: string,
): Promise<AuditLogRow[]> {
  return [
    ...await db<AuditLogRow[]>`
      SELECT * FROM admin_action_logs
      WHERE target_type = ${targetType} AND target_id = ${targetId}
      ORDER BY id`,
  ];
}
