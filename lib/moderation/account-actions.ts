/**
 * Account actions (Mastodon's Admin::AccountAction and the reversals of the admin API): warn
 * (`none`), `sensitive`, `disable`, `silence`, `suspend`; `unsensitive`, `enable`, `unsilence`,
 * `unsuspend`; `approve`/`reject` of pending sign-ups; deleting a suspended account's data.
 * Each runs in one transaction with its audit-log row, its warning and its events, so what
 * happened, what the log says and what the outside world is told can't disagree.
 */
import type { Sql } from "../db/client.ts";
import {
  type AccountRow,
  deleteAccount,
  type UserRow,
} from "../db/accounts.ts";
import type { DomainEvent, EffectBus } from "../domain/effects.ts";
import { deleteLocalAccount } from "../domain/accounts.ts";
import { forbidden, invalid, notFound } from "../domain/errors.ts";
import {
  type Actor,
  canActOn,
  type Permission,
  requirePermission,
} from "./permissions.ts";
import { findRoleById } from "./roles-db.ts";
import { everyoneRole } from "./roles.ts";
import { type AuditAction, recordAction } from "./audit-log.ts";
import * as db from "./account-actions-db.ts";
import { lockReport, updateReport } from "./reports-db.ts";
import { type MailDeps, mailWarning } from "../mail/mod.ts";
import {
  deleteCanonicalEmailBlocksOf,
  insertCanonicalEmailBlock,
} from "./sign-up-blocks-db.ts";
import { canonicalEmailHash } from "./canonical-email.ts";

export const ACCOUNT_ACTION_TYPES = [
  "none",
  "sensitive",
  "disable",
  "silence",
  "suspend",
] as const;
export type AccountActionType = typeof ACCOUNT_ACTION_TYPES[number];

export interface AccountActionInput {
  type: AccountActionType;
  text?: string;
  reportId?: string;
  warningPresetId?: string;
  /** Whether the user is told: with it (or a text) they get a warning they can appeal. */
  sendEmail?: boolean;
  /**
   * With `suspend` of a local account: also block its e-mail address (canonical e-mail block)
   * from signing up again; lifted when the suspension is.
   */
  blockEmail?: boolean;
}

export interface ActionDeps extends MailDeps {
  sql: Sql;
  effects: EffectBus;
}

/** Mastodon's permission per action (AccountPolicy / UserPolicy). */
type AccountAudit = Extract<
  AuditAction,
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
>;

const PERMISSION: Record<AccountAudit, Permission> = {
  warn: "manage_users",
  sensitive: "manage_users",
  unsensitive: "manage_users",
  silence: "manage_users",
  unsilence: "manage_users",
  suspend: "manage_users",
  unsuspend: "manage_users",
  disable: "manage_user_access",
  enable: "manage_user_access",
  approve: "manage_user_access",
  reject: "manage_user_access",
  destroy: "delete_user_data",
};

interface Target {
  account: AccountRow;
  user: UserRow | null;
}

/**
 * Locks the target, checks the permission and the role rule (nobody acts on a role at or
 * above their own), runs `change`, writes the audit row and records the events.
 */
async function act<T>(
  deps: ActionDeps,
  actor: Actor | null,
  targetId: string,
  action: AccountAudit,
  change: (
    target: Target,
    tx: Sql,
    events: DomainEvent[],
  ) => Promise<T>,
): Promise<T> {
  // As Mastodon's admin controllers: who may see accounts at all, then the account (404),
  // then the action's own permission (403).
  requirePermission(actor, "manage_users");
  return await deps.sql.begin(async (tx): Promise<T> => {
    const target = await db.lockAccount(tx, targetId);
    if (!target) throw notFound();
    const moderator = requirePermission(actor, PERMISSION[action]);
    if (target.user) {
      const role = target.user.role_id
        ? await findRoleById(tx, String(target.user.role_id))
        : await everyoneRole(tx);
      if (!canActOn(moderator, role)) throw forbidden();
    }
    const events: DomainEvent[] = [];
    const result = await change(target, tx as unknown as Sql, events);
    await recordAction(tx, {
      accountId: moderator.accountId,
      action,
      targetType: "Account",
      targetId: target.account.id,
      humanIdentifier: acct(target.account),
    });
    if (events.length) await deps.effects.record(tx, ...events);
    return result;
  }) as T;
}

function acct(a: AccountRow): string {
  return a.domain ? `${a.username}@${a.domain}` : a.username;
}

/** Ends every way the local user is signed in, and their open streams (in the same commit). */
async function endAccess(tx: Sql, user: UserRow | null, events: DomainEvent[]) {
  if (!user) return;
  const tokenIds = await db.endAllAccess(tx, user.id);
  if (tokenIds.length) events.push({ type: "token.revoked", tokenIds });
}

/** The text a warning carries: the preset's, then the moderator's own (as Mastodon joins them). */
async function warningText(
  tx: Sql,
  input: AccountActionInput,
): Promise<string> {
  const preset = input.warningPresetId
    ? await db.findWarningPreset(tx, input.warningPresetId)
    : null;
  if (input.warningPresetId && !preset) throw notFound();
  return [preset?.text, input.text?.trim()].filter((t) => t).join("\n\n");
}

/**
 * Takes `input.type` against the account. With a report, the report is resolved by it and
 * the warning cites the report's posts. Returns the warning, when one was made.
 */
export async function takeAccountAction(
  deps: ActionDeps,
  actor: Actor | null,
  targetId: string,
  input: AccountActionInput,
): Promise<db.WarningRow | null> {
  if (!ACCOUNT_ACTION_TYPES.includes(input.type)) {
    throw invalid("Type is not included in the list", "type");
  }
  const action = input.type === "none" ? "warn" : input.type;
  return await act(
    deps,
    actor,
    targetId,
    action,
    async (target, tx, events) => {
      const { account, user } = target;
      let statusIds: string[] = [];
      let reportId: string | null = null;
      if (input.reportId) {
        const report = await lockReport(tx, input.reportId);
        if (
          !report || report.target_account_id !== account.id
        ) throw notFound();
        reportId = report.id;
        statusIds = report.status_ids.map(String);
        await updateReport(tx, report.id, {
          action_taken_at: new Date(),
          action_taken_by_account_id: actor!.accountId,
        });
      }
      switch (input.type) {
        case "sensitive":
          await db.setAccountFlag(tx, account.id, "sensitized_at", true);
          break;
        case "silence":
          await db.setAccountFlag(tx, account.id, "silenced_at", true);
          break;
        case "disable":
          if (!user) throw notFound();
          await db.setUserAccess(tx, user.id, { disabled: true });
          await endAccess(tx, user, events);
          break;
        case "suspend":
          await db.setAccountFlag(tx, account.id, "suspended_at", true);
          await endAccess(tx, user, events);
          if (input.blockEmail && user) {
            await insertCanonicalEmailBlock(
              tx,
              await canonicalEmailHash(user.email),
              account.id,
            );
          }
          // Peers are told with an Update of the emptied actor marked `suspended` (Mastodon's
          // SuspendAccountService#distribute_update_actor!); they hide it in turn.
          if (!account.domain) {
            events.push({ type: "account.updated", accountId: account.id });
          }
          if (account.domain) {
            for (const f of await db.severRemoteFollows(tx, account.id)) {
              events.push({
                type: "follow.rejected",
                accountId: account.id,
                targetAccountId: f.target_account_id,
                uri: f.uri,
              });
            }
          }
          break;
      }
      const text = await warningText(tx, input);
      // A warning is what the user sees and may appeal: made for a local user who is told
      // (send_email_notification, which the API defaults to true as Mastodon's does) or given
      // a text; a silent action without a text leaves none.
      if (!user || !(input.sendEmail ?? false) && !text) return null;
      const warning = await db.insertWarning(tx, {
        account_id: actor!.accountId,
        target_account_id: account.id,
        action: input.type,
        text,
        report_id: reportId,
        status_ids: statusIds,
      });
      // Told by e-mail too, in this transaction: the mail goes once the action committed.
      if (input.sendEmail) {
        await mailWarning(
          deps,
          tx,
          { user, username: account.username },
          warning,
        );
      }
      return warning;
    },
  );
}

export type Reversal = "unsensitive" | "unsilence" | "unsuspend" | "enable";

/** Lifts one limit. Lifting one that isn't there changes nothing (and is still logged). */
export async function liftLimit(
  deps: ActionDeps,
  actor: Actor | null,
  targetId: string,
  reversal: Reversal,
): Promise<void> {
  await act(
    deps,
    actor,
    targetId,
    reversal,
    async ({ account, user }, tx, events) => {
      switch (reversal) {
        case "unsensitive":
          return await db.setAccountFlag(
            tx,
            account.id,
            "sensitized_at",
            false,
          );
        case "unsilence":
          return await db.setAccountFlag(tx, account.id, "silenced_at", false);
        case "unsuspend":
          await db.setAccountFlag(tx, account.id, "suspended_at", false);
          await deleteCanonicalEmailBlocksOf(tx, account.id);
          // Peers restore it on the actor's Update (Mastodon's UnsuspendAccountService).
          if (!account.domain) {
            events.push({ type: "account.updated", accountId: account.id });
          }
          return;
        case "enable":
          if (!user) throw notFound();
          return await db.setUserAccess(tx, user.id, { disabled: false });
      }
    },
  );
}

/** Approves a pending sign-up (403 when it is not pending, as Mastodon's policy answers). */
export async function approveSignUp(
  deps: ActionDeps,
  actor: Actor | null,
  targetId: string,
): Promise<void> {
  await act(deps, actor, targetId, "approve", async ({ user }, tx) => {
    if (!user) throw notFound();
    if (user.approved) throw forbidden();
    await db.setUserAccess(tx, user.id, { approved: true });
  });
}

/**
 * Rejects a pending sign-up: the account is deleted (Mastodon deletes it too). The audit row
 * is written first, in its own transaction, since the deletion removes the target.
 */
export async function rejectSignUp(
  deps: ActionDeps,
  actor: Actor | null,
  targetId: string,
): Promise<void> {
  await act(deps, actor, targetId, "reject", ({ user }) => {
    if (!user) throw notFound();
    if (user.approved) throw forbidden();
    return Promise.resolve();
  });
  await deleteLocalAccount(deps.sql, targetId, deps.effects, {
    reserveUsername: false,
  });
}

/**
 * Deletes the data of a suspended account (Mastodon: `DELETE /api/v1/admin/accounts/:id`,
 * only once suspended). A local account's deletion federates as the actor's Delete.
 */
export async function deleteAccountData(
  deps: ActionDeps,
  actor: Actor | null,
  targetId: string,
): Promise<void> {
  const account = await act(deps, actor, targetId, "destroy", ({ account }) => {
    if (!account.suspended_at) throw forbidden();
    return Promise.resolve(account);
  });
  if (account.domain) {
    // A remote account's copy here: its rows go, nothing is sent to its server.
    await deps.sql.begin((tx) => deleteAccount(tx, account.id));
  } else {
    await deleteLocalAccount(deps.sql, account.id, deps.effects);
  }
}

export type { AppealRow, WarningRow } from "./account-actions-db.ts";
