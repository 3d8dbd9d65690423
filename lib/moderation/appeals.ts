/**
 * Warnings ("strikes") as their user sees them, and appeals: a user may appeal a warning once;
 * a moderator with `manage_appeals` approves it (the warning is overruled and its action
 * undone, as Mastodon's ApproveAppealService does) or rejects it.
 */
import type { Queryable } from "../db/client.ts";
import { invalid, notFound } from "../domain/errors.ts";
import type { Deps } from "../deps.ts";
import { findAccountById } from "../db/accounts.ts";
import { mailAppealToStaff } from "../mail/mod.ts";
import {
  type Actor,
  PERMISSION_FLAGS,
  requirePermission,
} from "./permissions.ts";
import { accountIdsWithPermission } from "./roles-db.ts";
import { recordAction } from "./audit-log.ts";
import * as db from "./account-actions-db.ts";
import type { ActionDeps } from "./account-actions.ts";

/** Mastodon's limit on an appeal's text. */
export const MAX_APPEAL_LENGTH = 2000;

/** The user's own warnings, newest first. */
export function warningsOfAccount(sql: Queryable, accountId: string) {
  return db.warningsOf(sql, accountId);
}

/** One of the user's own warnings with its appeal; another's is a 404, like a missing one. */
export async function ownWarning(
  sql: Queryable,
  accountId: string,
  warningId: string,
): Promise<{ warning: db.WarningRow; appeal: db.AppealRow | null }> {
  const warning = await db.findWarning(sql, warningId);
  if (!warning || warning.target_account_id !== accountId) throw notFound();
  return { warning, appeal: await db.appealOfWarning(sql, warning.id) };
}

/**
 * Appeals a warning; a second appeal of the same warning is refused. Those who may decide
 * appeals are mailed (in the same transaction, as jobs).
 */
export async function appeal(
  deps: Pick<Deps, "sql" | "jobs" | "config" | "secret">,
  accountId: string,
  warningId: string,
  text: string,
): Promise<db.AppealRow> {
  const body = text.trim();
  if (!body) throw invalid("Text can't be blank", "text");
  if ([...body].length > MAX_APPEAL_LENGTH) {
    throw invalid(
      `Text is too long (maximum is ${MAX_APPEAL_LENGTH} characters)`,
      "text",
    );
  }
  const { warning } = await ownWarning(deps.sql, accountId, warningId);
  return await deps.sql.begin(async (tx) => {
    const row = await db.insertAppeal(tx, {
      account_id: accountId,
      account_warning_id: warning.id,
      text: body,
    });
    if (!row) throw invalid("This strike has already been appealed", "text");
    const appellant = await findAccountById(tx, accountId);
    await mailAppealToStaff(
      deps,
      tx,
      await accountIdsWithPermission(tx, PERMISSION_FLAGS.manage_appeals),
      { username: appellant?.username ?? "", text: body },
    );
    return row;
  });
}

export function listAppeals(
  sql: Queryable,
  actor: Actor | null,
  pending = true,
) {
  requirePermission(actor, "manage_appeals");
  return db.listAppeals(sql, pending);
}

/** What approving an appeal undoes, per warning action. */
const UNDO: Record<string, (tx: Queryable, w: db.WarningRow) => Promise<void>> =
  {
    suspend: (tx, w) =>
      db.setAccountFlag(tx, w.target_account_id, "suspended_at", false),
    silence: (tx, w) =>
      db.setAccountFlag(tx, w.target_account_id, "silenced_at", false),
    sensitive: (tx, w) =>
      db.setAccountFlag(tx, w.target_account_id, "sensitized_at", false),
    disable: async (tx, w) => {
      await tx`UPDATE users SET disabled = false WHERE account_id = ${w.target_account_id}`;
    },
  };

/** Approves or rejects a pending appeal; a decided one is a 403. */
export async function decideAppeal(
  deps: ActionDeps,
  actor: Actor | null,
  appealId: string,
  approve: boolean,
): Promise<db.AppealRow> {
  const moderator = requirePermission(actor, "manage_appeals");
  return await deps.sql.begin(async (tx) => {
    const row = await db.lockAppeal(tx, appealId);
    if (!row) throw notFound();
    if (row.approved_at || row.rejected_at) {
      throw invalid("This appeal has already been decided");
    }
    if (approve) {
      const warning = (await db.findWarning(tx, row.account_warning_id))!;
      await UNDO[warning.action]?.(tx, warning);
      if (warning.action === "suspend") {
        // As an unsuspension: peers restore the account on the actor's Update.
        await deps.effects.record(tx, {
          type: "account.updated",
          accountId: warning.target_account_id,
        });
      }
      await db.overruleWarning(tx, warning.id);
    }
    const decided = await db.decideAppeal(
      tx,
      row.id,
      moderator.accountId,
      approve,
    );
    await recordAction(tx, {
      accountId: moderator.accountId,
      action: approve ? "approve_appeal" : "reject_appeal",
      targetType: "Appeal",
      targetId: row.id,
    });
    return decided;
  });
}
