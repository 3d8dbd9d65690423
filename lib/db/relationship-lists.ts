/**
 * SQL for lists of accounts reached through relationship rows (followers, following, requests,
 * blocks, mutes), paged by the row's id as Mastodon pages them, and familiar followers.
 */
import type { Queryable } from "./client.ts";
import type { AccountRow } from "./accounts.ts";
import type { MuteRow } from "./relationships.ts";

/** Mastodon's id paging, applied to the relationship row's id (not the account's). */
export interface Page {
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

/** An account listed through a relationship row; `page_id` is the row's id, for Link headers. */
export type PagedAccount = AccountRow & { page_id: string };

type ListKind =
  | "followers" // accounts following `accountId`
  | "following" // accounts `accountId` follows
  | "follow_requests" // accounts asking to follow `accountId`
  | "blocks" // accounts `accountId` blocks
  | "mutes" // accounts `accountId` mutes (unexpired)
  | "endorsements"; // accounts `accountId` features on their profile (and still follows)

export async function listAccountsByRelationship(
  db: Queryable,
  kind: ListKind,
  accountId: string,
  page: Page,
): Promise<PagedAccount[]> {
  const [table, self, other] = {
    followers: ["follows", "target_account_id", "account_id"],
    following: ["follows", "account_id", "target_account_id"],
    follow_requests: ["follow_requests", "target_account_id", "account_id"],
    blocks: ["blocks", "account_id", "target_account_id"],
    mutes: ["mutes", "account_id", "target_account_id"],
    endorsements: ["account_pins", "account_id", "target_account_id"],
  }[kind];
  const ascending = page.minId !== undefined && page.maxId === undefined;
  const rows = await db<PagedAccount[]>`
    SELECT a.*, r.id::text AS page_id
    FROM ${db(table)} r JOIN accounts a ON a.id = r.${db(other)}
    WHERE r.${db(self)} = ${accountId}
      AND a.suspended_at IS NULL
      ${
    kind === "mutes"
      ? db`AND (r.expires_at IS NULL OR r.expires_at > now())`
      : db``
  }
      ${
    kind === "endorsements"
      ? db`AND EXISTS (SELECT 1 FROM follows ef WHERE ef.account_id = r.account_id
                       AND ef.target_account_id = r.target_account_id)`
      : db``
  }
      ${page.maxId ? db`AND r.id < ${page.maxId}` : db``}
      ${page.sinceId ? db`AND r.id > ${page.sinceId}` : db``}
      ${page.minId ? db`AND r.id > ${page.minId}` : db``}
    ORDER BY r.id ${ascending ? db`ASC` : db`DESC`}
    LIMIT ${page.limit}`;
  return ascending ? rows.reverse() : rows;
}

export async function findMutesOf(
  db: Queryable,
  accountId: string,
  targetIds: string[],
): Promise<MuteRow[]> {
  if (targetIds.length === 0) return [];
  return await db<MuteRow[]>`
    SELECT * FROM mutes WHERE account_id = ${accountId} AND target_account_id = ANY(${targetIds}::bigint[])`;
}

/** For each target: accounts the viewer follows that follow the target too. */
export async function findFamiliarFollowers(
  db: Queryable,
  viewerId: string,
  targetIds: string[],
): Promise<{ target_id: string; account: AccountRow }[]> {
  if (targetIds.length === 0) return [];
  const rows = await db<(AccountRow & { target_id: string })[]>`
    SELECT a.*, theirs.target_account_id::text AS target_id
    FROM follows mine
    JOIN follows theirs ON theirs.account_id = mine.target_account_id
    JOIN accounts a ON a.id = mine.target_account_id
    WHERE mine.account_id = ${viewerId}
      AND theirs.target_account_id = ANY(${targetIds}::bigint[])
      AND a.suspended_at IS NULL
    ORDER BY theirs.target_account_id, a.followers_count DESC
    LIMIT 200`;
  return rows.map(({ target_id, ...account }) => ({
    target_id,
    account: account as AccountRow,
  }));
}
