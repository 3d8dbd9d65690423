/** SQL for a user's own domain blocks (migration 0014's `account_domain_blocks`). */
import type { Queryable } from "./client.ts";
import type { PageQuery } from "../mastodon/pagination.ts";

export interface DomainBlockRow {
  id: string;
  domain: string;
}

/** True if the block is new. */
export async function insertDomainBlock(
  db: Queryable,
  accountId: string,
  domain: string,
): Promise<boolean> {
  const result = await db`
    INSERT INTO account_domain_blocks (account_id, domain) VALUES (${accountId}, ${domain})
    ON CONFLICT DO NOTHING`;
  return result.count > 0;
}

export async function deleteDomainBlock(
  db: Queryable,
  accountId: string,
  domain: string,
): Promise<void> {
  await db`DELETE FROM account_domain_blocks
           WHERE account_id = ${accountId} AND domain = ${domain}`;
}

/** The account's blocked domains, newest block first, paged by the block's id. */
export async function listDomainBlocks(
  db: Queryable,
  accountId: string,
  page: PageQuery,
): Promise<DomainBlockRow[]> {
  const rows = await db<DomainBlockRow[]>`
    SELECT id, domain FROM account_domain_blocks
    WHERE account_id = ${accountId}
      ${page.maxId ? db`AND id < ${page.maxId}` : db``}
      ${page.sinceId ? db`AND id > ${page.sinceId}` : db``}
      ${page.minId ? db`AND id > ${page.minId}` : db``}
    ORDER BY id ${page.minId ? db`ASC` : db`DESC`} LIMIT ${page.limit}`;
  return page.minId ? rows.reverse() : rows;
}

/** Follows of `accountId` by accounts of `domain` (what a domain block removes). */
export async function followersFromDomain(
  db: Queryable,
  accountId: string,
  domain: string,
): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    SELECT a.id FROM follows f JOIN accounts a ON a.id = f.account_id
    WHERE f.target_account_id = ${accountId} AND lower(a.domain) = ${domain}
    UNION
    SELECT a.id FROM follow_requests r JOIN accounts a ON a.id = r.account_id
    WHERE r.target_account_id = ${accountId} AND lower(a.domain) = ${domain}`;
  return rows.map((r) => r.id);
}
