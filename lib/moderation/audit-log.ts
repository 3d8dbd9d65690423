/**
 * The audit log: every moderation action, written in the transaction that does it, so the log
 * and what happened can't disagree. Who (account), what (action), to what (type and id), when.
 */
import type { Queryable } from "../db/client.ts";
import { type Actor, requirePermission } from "./permissions.ts";

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
  | "expire"
  // Announcements (lib/instance).
  | "publish"
  | "unpublish"
  // Custom emoji (lib/emoji): a remote one copied to local.
  | "copy";

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
  | "FeaturedAccount"
  // Instance settings and content (lib/instance); "Settings" has no id (0).
  | "Settings"
  | "Rule"
  | "Announcement"
  | "TermsOfService"
  | "CustomEmoji";

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

export interface AuditLogFilter {
  action?: string;
  /** The moderator's account id. */
  accountId?: string;
  /** Entries older than this id (the next page). */
  maxId?: string;
  limit: number;
}

/** The log, newest first, with who did it; filterable by action and by moderator. */
export async function listAuditLog(
  db: Queryable,
  filter: AuditLogFilter,
): Promise<(AuditLogRow & { username: string | null })[]> {
  const id = (value?: string) =>
    value && /^\d{1,19}$/.test(value) ? value : null;
  const accountId = id(filter.accountId);
  const maxId = id(filter.maxId);
  return [
    ...await db<(AuditLogRow & { username: string | null })[]>`
      SELECT l.*, a.username FROM admin_action_logs l
      LEFT JOIN accounts a ON a.id = l.account_id
      WHERE (${filter.action ?? null}::text IS NULL OR l.action = ${
      filter.action ?? null
    })
        AND (${accountId}::bigint IS NULL OR l.account_id = ${accountId})
        AND (${maxId}::bigint IS NULL OR l.id < ${maxId})
      ORDER BY l.id DESC LIMIT ${filter.limit}`,
  ];
}

/** Who has acted and what actions exist in the log: the page's filter choices. */
export async function auditLogFacets(
  db: Queryable,
): Promise<
  { actions: string[]; moderators: { id: string; username: string }[] }
> {
  const [actions, moderators] = await Promise.all([
    db<
      { action: string }[]
    >`SELECT DISTINCT action FROM admin_action_logs ORDER BY action`,
    db<{ id: string; username: string }[]>`
      SELECT DISTINCT a.id, a.username FROM admin_action_logs l
      JOIN accounts a ON a.id = l.account_id ORDER BY a.username`,
  ]);
  return { actions: actions.map((r) => r.action), moderators: [...moderators] };
}

/** The audit log page (`view_audit_log`): one page of entries and the filter choices. */
export async function readAuditLog(
  db: Queryable,
  actor: Actor | null,
  filter: AuditLogFilter,
) {
  requirePermission(actor, "view_audit_log");
  const [entries, facets] = await Promise.all([
    listAuditLog(db, filter),
    auditLogFacets(db),
  ]);
  return { entries, ...facets };
}
