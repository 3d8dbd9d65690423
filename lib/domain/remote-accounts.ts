/**
 * Rules for things only another server can do to us: delete one of its actors, or pin its own
 * statuses. (Reports from other servers, `Flag`, are in `reports.ts`.)
 */
import type { Sql } from "../db/client.ts";
import type { AccountRow } from "../db/accounts.ts";
import { deleteAccount } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";
import { deletePin, insertPin } from "../db/interactions.ts";
import type { Effects } from "./effects.ts";
import { forbidden } from "./errors.ts";

export interface RemoteAccountDeps {
  sql: Sql;
  effects: Effects;
}

/** A remote actor deleted itself: its row goes, and with it (cascade) its statuses and follows. */
export async function deleteRemoteAccount(
  deps: RemoteAccountDeps,
  account: AccountRow,
): Promise<void> {
  if (account.domain === null) {
    throw forbidden("Local accounts are deleted by their owner");
  }
  await deps.sql.begin(async (tx) => {
    if (await deleteAccount(tx, account.id)) {
      await deps.effects.record(tx, {
        type: "account.deleted",
        accountId: account.id,
      });
    }
  });
}

/**
 * A remote actor pinned (or unpinned) one of its own statuses: `Add`/`Remove` on its featured
 * collection. Mastodon keeps no limit on remote pins, and neither do we.
 */
export async function setRemotePin(
  deps: RemoteAccountDeps,
  account: AccountRow,
  status: StatusRow,
  pinned: boolean,
): Promise<void> {
  if (account.domain === null) {
    throw forbidden("Local accounts pin through the API");
  }
  if (status.account_id !== account.id || status.reblog_of_id) {
    throw forbidden("Only its author pins a status");
  }
  if (pinned) await insertPin(deps.sql, account.id, status.id);
  else await deletePin(deps.sql, account.id, status.id);
}
