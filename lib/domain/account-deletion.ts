/**
 * A user deletes their own account. The request asks for the password and starts a grace
 * period (`ACCOUNT_DELETION_GRACE_DAYS`) during which signing in reaches only the page that
 * cancels it (lib/web/limited-session.ts); every session and token ends at once. Once it is
 * over, a daily job deletes the account through `deleteLocalAccount`, the same path as the
 * admin CLI and moderators: every server we know hears the actor's Delete, the rows go, and
 * the username stays taken.
 */
import type { Sql } from "../db/client.ts";
import { updateUserDeletion, usersDueForDeletion } from "../db/accounts.ts";
import type { EffectBus } from "./effects.ts";
import {
  deleteLocalAccount,
  endAllSessions,
  type LocalLogin,
} from "./accounts.ts";
import { DomainError } from "./errors.ts";
import { verifyPassword } from "./passwords.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";

/** Mastodon deletes at once; we give a week to change one's mind. */
export const ACCOUNT_DELETION_GRACE_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;
const BATCH = 100;

export interface AccountDeletionDeps {
  sql: Sql;
  effects: EffectBus;
}

/** Schedules the deletion of `login`'s account; throws when the password is wrong. */
export async function requestAccountDeletion(
  deps: AccountDeletionDeps,
  login: LocalLogin,
  password: string,
  now = new Date(),
): Promise<Date> {
  if (!await verifyPassword(password, login.user.password_hash)) {
    throw new DomainError("validation", "Current password is wrong");
  }
  const deleteAfter = new Date(
    now.getTime() + ACCOUNT_DELETION_GRACE_DAYS * DAY_MS,
  );
  await deps.sql.begin(async (tx) => {
    await updateUserDeletion(tx, login.user.id, deleteAfter);
    await endAllSessions(tx, login.user.id, deps.effects);
  });
  return deleteAfter;
}

/** The user changed their mind within the grace period: the account is theirs again. */
export async function cancelAccountDeletion(
  deps: Pick<AccountDeletionDeps, "sql">,
  userId: string,
): Promise<void> {
  await updateUserDeletion(deps.sql, userId, null);
}

/** Deletes every account whose grace period is over at `now`; how many. */
export async function deleteDueAccounts(
  deps: AccountDeletionDeps,
  now = new Date(),
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const due = await usersDueForDeletion(deps.sql, now, BATCH);
    for (const { account_id } of due) {
      await deleteLocalAccount(deps.sql, account_id, deps.effects);
      deleted++;
    }
    if (due.length < BATCH) return deleted;
  }
}

export const accountDeletionJob = defineJob<
  Record<string, unknown>,
  AccountDeletionDeps
>({
  kind: "accounts.delete_requested",
  parse: schema.object({}),
  everyMs: DAY_MS,
  retry: { backoff: exponentialBackoff(60_000, 30 * 60_000), maxAttempts: 5 },
  async handler(deps) {
    const deleted = await deleteDueAccounts(deps);
    if (deleted) {
      console.info(`accounts: deleted ${deleted} account(s) at their request`);
    }
  },
});
