/**
 * A user's own domain blocks (Mastodon's /api/v1/domain_blocks): the domain's posts leave the
 * user's timelines (`notSilencedSql`, the home fan-out), its notifications are not written, and
 * its accounts' follows of the user (and requests) are removed — each a `follow.rejected`, so
 * their server hears of it. The user's own follows of them stay, as in Mastodon.
 */
import type { AccountRow } from "../db/accounts.ts";
import * as db from "../db/domain-blocks.ts";
import { deleteFollow, deleteFollowRequest } from "../db/relationships.ts";
import type { PageQuery } from "../mastodon/pagination.ts";
import type { RelationshipDeps } from "./relationships.ts";
import { invalid } from "./errors.ts";

/** A domain as Mastodon takes it: a host (with a port here, as peers may have), lowercase. */
export function normalizeDomain(value: string | undefined): string {
  const domain = (value ?? "").trim().toLowerCase().replace(/\.$/, "");
  if (!domain || !/^[a-z0-9.:\-\[\]]+$/.test(domain) || domain.length > 253) {
    throw invalid("Domain can't be blank or invalid", "domain");
  }
  return domain;
}

export async function blockDomain(
  deps: RelationshipDeps & { config: { host: string } },
  account: AccountRow,
  value: string | undefined,
): Promise<void> {
  const domain = normalizeDomain(value);
  if (domain === deps.config.host.toLowerCase()) {
    throw invalid("You can't block your own domain", "domain");
  }
  await deps.sql.begin(async (tx) => {
    if (!(await db.insertDomainBlock(tx, account.id, domain))) return;
    for (
      const followerId of await db.followersFromDomain(tx, account.id, domain)
    ) {
      const follow = await deleteFollow(tx, followerId, account.id);
      const request = await deleteFollowRequest(tx, followerId, account.id);
      const uri = follow?.uri ?? request?.uri ?? null;
      await deps.effects.record(tx, {
        type: "follow.rejected",
        accountId: followerId,
        targetAccountId: account.id,
        uri,
      });
    }
  });
}

export async function unblockDomain(
  deps: RelationshipDeps,
  account: AccountRow,
  value: string | undefined,
): Promise<void> {
  await db.deleteDomainBlock(deps.sql, account.id, normalizeDomain(value));
}

export function listDomainBlocks(
  deps: RelationshipDeps,
  accountId: string,
  page: PageQuery,
): Promise<db.DomainBlockRow[]> {
  return db.listDomainBlocks(deps.sql, accountId, page);
}
