/** SQL for hashtag usage history and featured tags. */
import type { Queryable } from "./client.ts";
import type { TagRow } from "./search.ts";

export interface TagHistoryRow {
  tag_id: string;
  /** Unix seconds of the UTC day's start. */
  day: string;
  uses: string;
  accounts: string;
}

/**
 * The last 7 UTC days of use for each tag, newest day first, zero days included — one query for
 * all `tagIds`. Only public and unlisted statuses count: the history is shown to anyone, and
 * private or direct posts must not show through it.
 */
export async function tagHistories(
  db: Queryable,
  tagIds: string[],
): Promise<TagHistoryRow[]> {
  if (tagIds.length === 0) return [];
  return [
    ...await db<TagHistoryRow[]>`
    WITH days AS (
      SELECT generate_series(
               date_trunc('day', now() AT TIME ZONE 'UTC') - interval '6 days',
               date_trunc('day', now() AT TIME ZONE 'UTC'),
               interval '1 day') AT TIME ZONE 'UTC' AS day
    ),
    uses AS (
      SELECT st.tag_id, date_trunc('day', s.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day,
             count(*) AS uses, count(DISTINCT s.account_id) AS accounts
      FROM statuses_tags st JOIN statuses s ON s.id = st.status_id
      WHERE st.tag_id = ANY(${tagIds}::bigint[])
        AND s.visibility IN ('public', 'unlisted')
        AND s.created_at >= (SELECT min(day) FROM days)
      GROUP BY 1, 2
    )
    SELECT t.tag_id::text AS tag_id, extract(epoch FROM d.day)::bigint::text AS day,
           coalesce(u.uses, 0)::text AS uses, coalesce(u.accounts, 0)::text AS accounts
    FROM unnest(${tagIds}::bigint[]) AS t(tag_id)
    CROSS JOIN days d
    LEFT JOIN uses u ON u.tag_id = t.tag_id AND u.day = d.day
    ORDER BY t.tag_id, d.day DESC`,
  ];
}

export interface FeaturedTagRow {
  id: string;
  tag_id: string;
  name: string;
  display_name: string;
  username: string;
  statuses_count: string;
  last_status_at: Date | null;
}

/**
 * An account's featured tags, oldest first, with how many of its public or unlisted statuses
 * carry each tag and when the last one was posted.
 */
export async function listFeaturedTags(
  db: Queryable,
  accountId: string,
  onlyId?: string,
): Promise<FeaturedTagRow[]> {
  return [
    ...await db<FeaturedTagRow[]>`
    SELECT f.id::text AS id, t.id::text AS tag_id, t.name, t.display_name, a.username,
           count(s.id)::text AS statuses_count, max(s.created_at) AS last_status_at
    FROM featured_tags f
    JOIN tags t ON t.id = f.tag_id
    JOIN accounts a ON a.id = f.account_id
    LEFT JOIN (statuses_tags st JOIN statuses s ON s.id = st.status_id
               AND s.visibility IN ('public', 'unlisted') AND s.reblog_of_id IS NULL)
      ON st.tag_id = f.tag_id AND s.account_id = f.account_id
    WHERE f.account_id = ${accountId}
      ${onlyId ? db`AND f.id = ${onlyId}` : db``}
    GROUP BY f.id, t.id, a.username
    ORDER BY f.id`,
  ];
}

export async function countFeaturedTags(
  db: Queryable,
  accountId: string,
): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    SELECT count(*)::int AS n FROM featured_tags WHERE account_id = ${accountId}`;
  return row.n;
}

/** Features `tagId`; the existing row's id when it already is. */
export async function insertFeaturedTag(
  db: Queryable,
  accountId: string,
  tagId: string,
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    INSERT INTO featured_tags (account_id, tag_id) VALUES (${accountId}, ${tagId})
    ON CONFLICT (account_id, tag_id) DO UPDATE SET tag_id = excluded.tag_id
    RETURNING id::text AS id`;
  return row.id;
}

/** Deletes the caller's own featured tag; false when `id` is not one of theirs. */
export async function deleteFeaturedTag(
  db: Queryable,
  accountId: string,
  id: string,
): Promise<boolean> {
  if (!/^\d+$/.test(id)) return false;
  const rows = await db`
    DELETE FROM featured_tags WHERE id = ${id} AND account_id = ${accountId} RETURNING id`;
  return rows.length > 0;
}

/** Tags the account used most in its recent statuses that it does not feature yet. */
export async function suggestedTags(
  db: Queryable,
  accountId: string,
  limit: number,
): Promise<TagRow[]> {
  return [
    ...await db<TagRow[]>`
    SELECT t.id::text AS id, t.name, t.display_name
    FROM (SELECT id FROM statuses WHERE account_id = ${accountId} AND reblog_of_id IS NULL
          ORDER BY id DESC LIMIT 200) s
    JOIN statuses_tags st ON st.status_id = s.id
    JOIN tags t ON t.id = st.tag_id
    WHERE NOT EXISTS (SELECT 1 FROM featured_tags f
                      WHERE f.account_id = ${accountId} AND f.tag_id = t.id)
    GROUP BY t.id
    ORDER BY count(*) DESC, max(s.id) DESC
    LIMIT ${limit}`,
  ];
}

/** Which of `tagIds` the account follows (one query). */
export async function followedTagIds(
  db: Queryable,
  accountId: string,
  tagIds: string[],
): Promise<Set<string>> {
  if (tagIds.length === 0) return new Set();
  const rows = await db<{ tag_id: string }[]>`
    SELECT tag_id::text AS tag_id FROM tag_follows
    WHERE account_id = ${accountId} AND tag_id = ANY(${tagIds}::bigint[])`;
  return new Set(rows.map((r) => r.tag_id));
}
