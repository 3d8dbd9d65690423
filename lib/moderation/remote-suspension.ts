/**
 * A remote account's own server suspended (or unsuspended) it: its actor says `suspended`
 * (Mastodon's `toot:suspended`, sent in an Update when its moderators act). We follow it, as
 * Mastodon's ProcessAccountService does: its profile and posts leave view here, and return when
 * its server lifts the suspension — unless our own moderators suspended it, which only they lift.
 */
import type { Queryable } from "../db/client.ts";
import type { AccountRow } from "../db/accounts.ts";
import { setSuspended } from "./account-actions-db.ts";

export async function followRemoteSuspension(
  sql: Queryable,
  account: AccountRow,
  suspended: boolean,
): Promise<void> {
  if (account.domain === null) return;
  if (suspended && !account.suspended_at) {
    await setSuspended(sql, account.id, true, "remote");
  } else if (
    !suspended && account.suspended_at &&
    account.suspension_origin === "remote"
  ) {
    await setSuspended(sql, account.id, false, "remote");
  }
}
