/**
 * A suspension's grace period (Mastodon: 30 days, `AccountDeletionRequest::DELAY_TO_DELETION`):
 * until then unsuspending restores everything; after it, a daily job deletes the account's
 * data as `DELETE /api/v1/admin/accounts/:id` would — a local account's deletion federating as
 * its actor's Delete, a remote account's copy simply going — with an audit-log entry naming no
 * moderator. A remote account suspended by its own server is left to that server.
 */
import type { Deps } from "../deps.ts";
import { deleteAccount } from "../db/accounts.ts";
import { deleteLocalAccount } from "../domain/accounts.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import type { ActionDeps } from "./account-actions.ts";
import { recordAction } from "./audit-log.ts";
import { suspendedBefore } from "./accounts-db.ts";

export const SUSPENSION_GRACE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;
/** Accounts deleted per batch: each local one waits for its Delete to be queued. */
const BATCH = 100;

/** When a suspension that began at `suspendedAt` lets the account's data be deleted. */
export function purgeDateOf(suspendedAt: Date): Date {
  return new Date(suspendedAt.getTime() + SUSPENSION_GRACE_DAYS * DAY_MS);
}

/** Deletes the data of every account suspended longer than the grace period; how many. */
export async function purgeExpiredSuspensions(
  deps: ActionDeps,
  now = new Date(),
): Promise<number> {
  const before = new Date(now.getTime() - SUSPENSION_GRACE_DAYS * DAY_MS);
  let purged = 0;
  for (;;) {
    const accounts = await suspendedBefore(deps.sql, before, BATCH);
    for (const account of accounts) {
      const log = {
        accountId: null,
        action: "destroy" as const,
        targetType: "Account" as const,
        targetId: account.id,
        humanIdentifier: account.domain
          ? `${account.username}@${account.domain}`
          : account.username,
      };
      if (account.domain) {
        await deps.sql.begin(async (tx) => {
          await deleteAccount(tx, account.id);
          await recordAction(tx, log);
        });
      } else {
        await recordAction(deps.sql, log);
        await deleteLocalAccount(deps.sql, account.id, deps.effects);
      }
      purged++;
    }
    if (accounts.length < BATCH) return purged;
  }
}

export const suspensionPurgeJob = defineJob<Record<string, unknown>, Deps>({
  kind: "moderation.purge_suspended",
  parse: schema.object({}),
  everyMs: DAY_MS,
  retry: { backoff: exponentialBackoff(60_000, 30 * 60_000), maxAttempts: 5 },
  async handler(deps) {
    const purged = await purgeExpiredSuspensions(deps);
    if (purged) {
      console.info(
        `moderation: deleted the data of ${purged} account(s) suspended over ${SUSPENSION_GRACE_DAYS} days`,
      );
    }
  },
});
