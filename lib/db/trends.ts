/**
 * SQL for trends: measuring recent activity (public posts only, by accounts moderation has not
 * limited), storing what trends, and the moderators' reviews. Scores decay with age, so the
 * same activity counts for less as it gets older.
 */
import type { Queryable } from "./client.ts";
import type { StatusRow } from "./statuses.ts";
import type { FlaggedTagRow } from "./admin-tags.ts";
import type { TagRow } from "./search.ts";
import {
  authorShownSql,
  type Fragment,
  notSilencedSql,
  visibleToSql,
} from "./visibility.ts";

export type TrendKind = "tag" | "status" | "link";
export type ReviewKind = TrendKind | "publisher";

export interface MeasuredTrend {
  key: string;
  score: number;
  accounts: number;
  history?: { day: string; uses: string; accounts: string }[];
}

export interface TrendRow {
  id: string;
  kind: TrendKind;
  key: string;
  score: number;
  accounts: number;
  history: { day: string; uses: string; accounts: string }[];
  /** The review: true approved, false rejected, null not reviewed yet. */
  trendable: boolean | null;
}

/** An account whose activity may count on public surfaces (not suspended nor limited). */
function accountCounts(db: Queryable, alias: string): Fragment {
  const a = db(alias);
  return db`(${a}.suspended_at IS NULL AND ${a}.silenced_at IS NULL
    AND (${a}.domain IS NULL
      OR coalesce(domain_block_severity(${a}.domain), '') NOT IN ('silence', 'suspend')))`;
}

/**
 * The smallest id made `days` ago (ids start with their creation time in milliseconds), so a
 * window can be read through the id indexes rather than by scanning every row's date.
 */
function idSince(db: Queryable, days: number): Fragment {
  return db`(floor(extract(epoch FROM now() - make_interval(days => ${days})) * 1000)::bigint << 16)`;
}

/**
 * Tags: how many distinct accounts used each in public posts in the last `days`, each
 * account's latest use weighted by its age (half-life `halfLifeHours`).
 */
export async function measureTags(
  db: Queryable,
  o: { days: number; halfLifeHours: number; minAccounts: number },
): Promise<MeasuredTrend[]> {
  return [
    ...await db<MeasuredTrend[]>`
    WITH uses AS (
      SELECT st.tag_id, s.account_id, max(s.created_at) AS last_used
      FROM statuses_tags st
      JOIN statuses s ON s.id = st.status_id
      JOIN accounts a ON a.id = s.account_id
      JOIN tags tg ON tg.id = st.tag_id AND tg.usable
      WHERE s.visibility = 'public' AND s.reblog_of_id IS NULL
        AND s.id > ${idSince(db, o.days)}
        AND s.created_at > now() - make_interval(days => ${o.days})
        AND ${accountCounts(db, "a")}
      GROUP BY st.tag_id, s.account_id
    )
    SELECT tag_id::text AS key, count(*)::int AS accounts,
      sum(power(0.5, extract(epoch FROM now() - last_used) / (${o.halfLifeHours} * 3600.0)))
        ::float8 AS score
    FROM uses GROUP BY tag_id HAVING count(*) >= ${o.minAccounts}
    ORDER BY score DESC LIMIT 200`,
  ];
}

/**
 * Statuses: distinct accounts (not the author) that boosted or favourited a recent public,
 * top-level, unmarked status of a discoverable author, weighted by the status's age.
 */
export async function measureStatuses(
  db: Queryable,
  o: { days: number; halfLifeHours: number; minAccounts: number },
): Promise<MeasuredTrend[]> {
  return [
    ...await db<MeasuredTrend[]>`
    WITH interactions AS (
      SELECT f.status_id, f.account_id FROM favourites f
      WHERE f.id > ${idSince(db, o.days)}
      UNION
      SELECT b.reblog_of_id, b.account_id FROM statuses b
      WHERE b.reblog_of_id IS NOT NULL AND b.id > ${idSince(db, o.days)}
    ), counted AS (
      SELECT i.status_id, count(*)::int AS accounts
      FROM interactions i JOIN accounts ia ON ia.id = i.account_id
      JOIN statuses s ON s.id = i.status_id
      WHERE i.account_id <> s.account_id AND ${accountCounts(db, "ia")}
      GROUP BY i.status_id
    )
    SELECT s.id::text AS key, c.accounts,
      (c.accounts * power(0.5,
        extract(epoch FROM now() - s.created_at) / (${o.halfLifeHours} * 3600.0)))::float8 AS score
    FROM counted c
    JOIN statuses s ON s.id = c.status_id
    JOIN accounts a ON a.id = s.account_id
    WHERE c.accounts >= ${o.minAccounts}
      AND s.visibility = 'public' AND s.reblog_of_id IS NULL AND s.in_reply_to_id IS NULL
      AND NOT s.sensitive AND s.spoiler_text = ''
      AND s.created_at > now() - make_interval(days => ${o.days})
      AND a.discoverable AND ${accountCounts(db, "a")}
    ORDER BY score DESC LIMIT 200`,
  ];
}

export interface SharedPost {
  account_id: string;
  text: string;
  content: string;
  created_at: Date;
}

/** Recent public top-level posts by accounts that count, for finding shared links. */
export async function recentPublicPosts(
  db: Queryable,
  days: number,
  limit: number,
): Promise<SharedPost[]> {
  return [
    ...await db<SharedPost[]>`
    SELECT s.account_id::text AS account_id, s.text, s.content, s.created_at
    FROM statuses s JOIN accounts a ON a.id = s.account_id
    WHERE s.visibility = 'public' AND s.reblog_of_id IS NULL
      AND s.id > ${idSince(db, days)}
      AND s.created_at > now() - make_interval(days => ${days})
      AND ${accountCounts(db, "a")}
    ORDER BY s.id DESC LIMIT ${limit}`,
  ];
}

/** Replaces what trends of `kind`, keeping the ids of items that still trend. */
export async function replaceTrends(
  db: Queryable,
  kind: TrendKind,
  items: MeasuredTrend[],
): Promise<void> {
  const keys = items.map((i) => i.key);
  await db`DELETE FROM trends WHERE kind = ${kind} AND NOT (key = ANY(${keys}::text[]))`;
  if (items.length === 0) return;
  await db`
    INSERT INTO trends (kind, key, score, accounts, history)
    SELECT ${kind}, t.key, t.score, t.accounts, t.history::jsonb
    FROM unnest(${keys}::text[], ${items.map((i) => i.score)}::float8[],
                ${items.map((i) => i.accounts)}::int[],
                ${items.map((i) => JSON.stringify(i.history ?? []))}::text[])
      AS t(key, score, accounts, history)
    ON CONFLICT (kind, key) DO UPDATE SET score = excluded.score,
      accounts = excluded.accounts, history = excluded.history, computed_at = now()`;
}

/**
 * What trends of `kind`, best first, with its review. `approvedOnly` for public surfaces;
 * a link is also approved through its publisher (the URL's host).
 */
export async function listTrends(
  db: Queryable,
  kind: TrendKind,
  o: { approvedOnly: boolean; offset: number; limit: number },
): Promise<TrendRow[]> {
  return [
    ...await db<TrendRow[]>`
    SELECT * FROM (
      SELECT t.id::text AS id, t.kind, t.key, t.score, t.accounts, t.history,
        coalesce(r.trendable, CASE WHEN p.trendable THEN true END) AS trendable
      FROM trends t
      LEFT JOIN trend_reviews r ON r.kind = t.kind AND r.key = t.key
      LEFT JOIN trend_reviews p ON t.kind = 'link' AND p.kind = 'publisher'
        AND p.key = lower(substring(t.key from '^[a-z]+://([^/:?#]+)'))
      WHERE t.kind = ${kind}
    ) x
    ${o.approvedOnly ? db`WHERE x.trendable` : db``}
    ORDER BY x.score DESC, x.id
    OFFSET ${o.offset} LIMIT ${o.limit}`,
  ];
}

export async function findTrend(
  db: Queryable,
  kind: TrendKind,
  key: string,
): Promise<TrendRow | null> {
  const [row] = await db<TrendRow[]>`
    SELECT t.id::text AS id, t.kind, t.key, t.score, t.accounts, t.history, r.trendable
    FROM trends t LEFT JOIN trend_reviews r ON r.kind = t.kind AND r.key = t.key
    WHERE t.kind = ${kind} AND t.key = ${key}`;
  return row ?? null;
}

export async function findTrendById(
  db: Queryable,
  kind: TrendKind,
  id: string,
): Promise<TrendRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<{ key: string }[]>`
    SELECT key FROM trends WHERE kind = ${kind} AND id = ${id}`;
  return row ? await findTrend(db, kind, row.key) : null;
}

export async function saveReview(
  db: Queryable,
  kind: ReviewKind,
  key: string,
  trendable: boolean,
  reviewerId: string,
): Promise<void> {
  await db`
    INSERT INTO trend_reviews (kind, key, trendable, reviewed_by)
    VALUES (${kind}, ${key}, ${trendable}, ${reviewerId})
    ON CONFLICT (kind, key) DO UPDATE SET trendable = excluded.trendable,
      reviewed_by = excluded.reviewed_by, reviewed_at = now()`;
}

export async function findReview(
  db: Queryable,
  kind: ReviewKind,
  key: string,
): Promise<boolean | null> {
  const [row] = await db<{ trendable: boolean }[]>`
    SELECT trendable FROM trend_reviews WHERE kind = ${kind} AND key = ${key}`;
  return row?.trendable ?? null;
}

/**
 * Approved trending statuses the viewer may see, best first: public, by an author moderation
 * still shows on public surfaces, not by someone the viewer blocks or mutes.
 */
export async function trendingStatusRows(
  db: Queryable,
  viewerId: string | null,
  o: { offset: number; limit: number },
): Promise<StatusRow[]> {
  return [
    ...await db<StatusRow[]>`
    SELECT s.* FROM trends t
    JOIN trend_reviews tr ON tr.kind = 'status' AND tr.key = t.key AND tr.trendable
    JOIN statuses s ON s.id = t.key::bigint
    LEFT JOIN statuses r ON FALSE
    WHERE t.kind = 'status' AND s.visibility = 'public'
      AND ${visibleToSql(db, viewerId)} AND ${notSilencedSql(db, viewerId)}
      AND ${authorShownSql(db, null)}
    ORDER BY t.score DESC, s.id DESC
    OFFSET ${o.offset} LIMIT ${o.limit}`,
  ];
}

/** Approved trending tags, best first. */
export async function trendingTagRows(
  db: Queryable,
  o: { offset: number; limit: number },
): Promise<TagRow[]> {
  return [
    ...await db<TagRow[]>`
    SELECT tg.id::text AS id, tg.name, tg.display_name FROM trends t
    JOIN trend_reviews tr ON tr.kind = 'tag' AND tr.key = t.key AND tr.trendable
    JOIN tags tg ON tg.id = t.key::bigint AND tg.usable
    WHERE t.kind = 'tag'
    ORDER BY t.score DESC, tg.id
    OFFSET ${o.offset} LIMIT ${o.limit}`,
  ];
}

/** Tags by id (the trends the admin API lists). */
export async function tagsByIds(
  db: Queryable,
  ids: string[],
): Promise<FlaggedTagRow[]> {
  if (ids.length === 0) return [];
  return [
    ...await db<FlaggedTagRow[]>`
    SELECT id::text AS id, name, display_name, usable, listable
    FROM tags WHERE id = ANY(${ids}::bigint[])`,
  ];
}
