/**
 * SQL for the operator's clean-ups of what other servers sent (the admin CLI): remote posts
 * nobody here needs, and everything stored from one domain.
 */
import type { Queryable } from "./client.ts";

/**
 * Remote posts older than `before` that nothing local refers to (Mastodon's `tootctl statuses
 * remove`): no local account follows the author, favourited, boosted, bookmarked, replied to,
 * voted in, or is mentioned in it, and no post of ours quotes its thread. Oldest first.
 */
export async function unreferencedRemoteStatusIds(
  db: Queryable,
  before: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    SELECT s.id FROM statuses s
    WHERE NOT s.local AND s.created_at < ${before}
      AND NOT EXISTS (SELECT 1 FROM follows f JOIN accounts fa ON fa.id = f.account_id
                      WHERE f.target_account_id = s.account_id AND fa.domain IS NULL)
      AND NOT EXISTS (SELECT 1 FROM favourites x JOIN accounts xa ON xa.id = x.account_id
                      WHERE x.status_id = s.id AND xa.domain IS NULL)
      AND NOT EXISTS (SELECT 1 FROM bookmarks x WHERE x.status_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM statuses r WHERE r.local
                        AND (r.reblog_of_id = s.id OR r.in_reply_to_id = s.id))
      AND NOT EXISTS (SELECT 1 FROM mentions m JOIN accounts ma ON ma.id = m.account_id
                      WHERE m.status_id = s.id AND ma.domain IS NULL)
      AND NOT EXISTS (SELECT 1 FROM poll_votes v JOIN accounts va ON va.id = v.account_id
                      WHERE v.poll_id = s.poll_id AND va.domain IS NULL)
    ORDER BY s.id LIMIT ${limit}`;
  return rows.map((r) => String(r.id));
}

export async function deleteStatusesByIds(
  db: Queryable,
  ids: string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const result =
    await db`DELETE FROM statuses WHERE id = ANY(${ids}::bigint[])`;
  return result.count;
}

/** Stored accounts of `domain` and its subdomains, a batch at a time. */
export async function accountIdsOfDomain(
  db: Queryable,
  domain: string,
  limit: number,
): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    SELECT id FROM accounts
    WHERE domain = ${domain} OR domain LIKE ${"%." + domain}
    ORDER BY id LIMIT ${limit}`;
  return rows.map((r) => String(r.id));
}

export async function deleteAccountsByIds(
  db: Queryable,
  ids: string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const result =
    await db`DELETE FROM accounts WHERE id = ANY(${ids}::bigint[])`;
  return result.count;
}

export async function countStatuses(db: Queryable): Promise<{
  local: number;
  remote: number;
}> {
  const [row] = await db<{ local: number; remote: number }[]>`
    SELECT count(*) FILTER (WHERE local)::int AS local,
           count(*) FILTER (WHERE NOT local)::int AS remote
    FROM statuses`;
  return row;
}
