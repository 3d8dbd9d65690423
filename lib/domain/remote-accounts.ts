/**
 * Rules for things only another server can do to us: delete one of its actors, or report one of
 * our accounts (`Flag`). Written by the federation engineer; merge into `accounts.ts` /
 * a reports module when those grow their own versions.
 */
import type { Sql } from "../db/client.ts";
import type { AccountRow } from "../db/accounts.ts";
import { deleteAccount } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";
import { deletePin, insertPin } from "../db/interactions.ts";
import { insertReport, statusIdsOwnedBy } from "../db/federated-writes.ts";
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
  if (await deleteAccount(deps.sql, account.id)) {
    deps.effects.emit({ type: "account.deleted", accountId: account.id });
  }
}

/**
 * A report from another server about one of our accounts (and some of its statuses). Only
 * statuses by the reported account are kept; a repeated delivery (same `uri`) is ignored.
 */
export async function receiveRemoteReport(
  deps: RemoteAccountDeps,
  input: {
    reporter: AccountRow;
    target: AccountRow;
    statusIds: string[];
    comment: string;
    uri: string | null;
  },
): Promise<boolean> {
  const owned = await statusIdsOwnedBy(
    deps.sql,
    input.statusIds,
    input.target.id,
  );
  return await insertReport(deps.sql, {
    account_id: input.reporter.id,
    target_account_id: input.target.id,
    status_ids: owned,
    comment: input.comment.slice(0, 1000),
    uri: input.uri,
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
