/**
 * Purging a domain (Mastodon's `tootctl domains purge`): every stored account of the domain and
 * its subdomains goes, with their posts, media records and relationships. Follows with our
 * accounts are cut first and their counters recounted; the deletion then runs in batches, each
 * its own transaction, so a purge interrupted part-way is simply run again.
 */
import type { Sql } from "../db/client.ts";
import {
  accountIdsOfDomain,
  deleteAccountsByIds,
} from "../db/remote-cleanup.ts";
import { type Actor, requirePermission } from "./permissions.ts";
import { recordAction } from "./audit-log.ts";
import { checkDomain } from "./domain-blocks.ts";
import {
  deleteFollowsWith,
  followLossesWith,
  recountFollows,
} from "./suspend-db.ts";

const BATCH = 200;

export async function purgeDomain(
  sql: Sql,
  actor: Actor | null,
  domainInput: string,
  progress?: (deleted: number) => void,
): Promise<number> {
  const mod = requirePermission(actor, "manage_federation");
  const domain = checkDomain(domainInput);
  await sql.begin(async (tx) => {
    const losses = await followLossesWith(tx, domain);
    await deleteFollowsWith(tx, domain);
    await recountFollows(tx, losses.map((loss) => loss.account_id));
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "purge",
      targetType: "Domain",
      targetId: "0",
      humanIdentifier: domain,
    });
  });
  let deleted = 0;
  for (;;) {
    const ids = await accountIdsOfDomain(sql, domain, BATCH);
    if (ids.length === 0) return deleted;
    deleted += await sql.begin((tx) => deleteAccountsByIds(tx, ids));
    progress?.(deleted);
  }
}
