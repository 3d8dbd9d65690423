/** What the instance says about itself: usage counts, its contact, the servers it knows. */
import type { Queryable } from "../db/client.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById } from "../db/accounts.ts";
import * as db from "../db/instance.ts";

export async function instanceOverview(
  sql: Queryable,
): Promise<{ stats: db.InstanceStats; contact: AccountRow | null }> {
  const [stats, contactId] = await Promise.all([
    db.instanceStats(sql),
    db.contactAccountId(sql),
  ]);
  return {
    stats,
    contact: contactId ? await findAccountById(sql, contactId) : null,
  };
}

export function knownPeers(sql: Queryable): Promise<string[]> {
  return db.knownPeers(sql);
}
