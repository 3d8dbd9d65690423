/**
 * SQL for the dashboard's measures, dimensions and retention (Mastodon's Admin::Metrics). A
 * measure is a set of events in a period — rows of `(at, who, amount)` — counted per UTC day
 * as all events, distinct `who`, or a sum of `amount`; the period's total is counted the same
 * way over the whole period (so distinct counts are not sums of days).
 */
import type { Queryable } from "../db/client.ts";

export type Counting = "count" | "distinct" | "sum";

/** A period: `from` inclusive, `to` exclusive, both UTC midnights. */
export interface Period {
  from: Date;
  to: Date;
}

/** `(at, who, amount)` rows of one measure's events in a period. */
export type EventSource = (db: Queryable, p: Period) => ReturnType<Queryable>;

const aggregate = (db: Queryable, counting: Counting) =>
  counting === "count"
    ? db`count(*)`
    : counting === "distinct"
    ? db`count(DISTINCT who)`
    : db`coalesce(sum(amount), 0)`;

export async function dailySeries(
  db: Queryable,
  events: EventSource,
  counting: Counting,
  p: Period,
): Promise<{ day: Date; value: string }[]> {
  return [
    ...await db<{ day: Date; value: string }[]>`
      SELECT d.day::timestamp AT TIME ZONE 'UTC' AS day, coalesce(c.value, 0)::text AS value
      FROM generate_series(${p.from}::timestamptz AT TIME ZONE 'UTC',
                           ${p.to}::timestamptz AT TIME ZONE 'UTC' - interval '1 day',
                           interval '1 day') AS d(day)
      LEFT JOIN (
        SELECT (at AT TIME ZONE 'UTC')::date AS day, ${
      aggregate(db, counting)
    } AS value
        FROM (${events(db, p)}) e GROUP BY 1
      ) c ON c.day = d.day::date
      ORDER BY d.day`,
  ];
}

export async function periodTotal(
  db: Queryable,
  events: EventSource,
  counting: Counting,
  p: Period,
): Promise<string> {
  const [row] = await db<{ value: string }[]>`
    SELECT (${aggregate(db, counting)})::text AS value FROM (${
    events(db, p)
  }) e`;
  return row.value;
}

const inPeriod = (db: Queryable, column: string, p: Period) =>
  db`${db(column)} >= ${p.from} AND ${db(column)} < ${p.to}`;

export const newUsers: EventSource = (db, p) =>
  db`SELECT created_at AS at, id::text AS who, 0 AS amount FROM users
     WHERE ${inPeriod(db, "created_at", p)}`;

export const activeUsers: EventSource = (db, p) =>
  db`SELECT day::timestamp AT TIME ZONE 'UTC' AS at, account_id::text AS who, 0 AS amount
     FROM account_activity_days
     WHERE day >= (${p.from}::timestamptz AT TIME ZONE 'UTC')::date
       AND day < (${p.to}::timestamptz AT TIME ZONE 'UTC')::date`;

/** Favourites, boosts and replies of local posts, by anyone. */
export const interactions: EventSource = (db, p) =>
  db`SELECT f.created_at AS at, '' AS who, 0 AS amount
     FROM favourites f JOIN statuses s ON s.id = f.status_id
     WHERE s.local AND f.created_at >= ${p.from} AND f.created_at < ${p.to}
     UNION ALL
     SELECT r.created_at, '', 0 FROM statuses r JOIN statuses s ON s.id = r.reblog_of_id
     WHERE s.local AND r.created_at >= ${p.from} AND r.created_at < ${p.to}
     UNION ALL
     SELECT r.created_at, '', 0 FROM statuses r JOIN statuses s ON s.id = r.in_reply_to_id
     WHERE s.local AND r.created_at >= ${p.from} AND r.created_at < ${p.to}`;

export const openedReports: EventSource = (db, p) =>
  db`SELECT created_at AS at, '' AS who, 0 AS amount FROM reports
     WHERE ${inPeriod(db, "created_at", p)}`;

export const resolvedReports: EventSource = (db, p) =>
  db`SELECT action_taken_at AS at, '' AS who, 0 AS amount FROM reports
     WHERE ${inPeriod(db, "action_taken_at", p)}`;

/** Posts with a tag: `who` is the author (tag_accounts) or its server (tag_servers). */
export const tagUses =
  (tagId: string, by: "account" | "server"): EventSource => (db, p) =>
    db`SELECT s.created_at AS at,
            ${
      by === "account" ? db`s.account_id::text` : db`a.domain`
    } AS who, 0 AS amount
     FROM statuses_tags st JOIN statuses s ON s.id = st.status_id
     JOIN accounts a ON a.id = s.account_id
     WHERE st.tag_id = ${tagId} AND s.created_at >= ${p.from} AND s.created_at < ${p.to}
       ${by === "server" ? db`AND a.domain IS NOT NULL` : db``}`;

export const instanceAccounts = (domain: string): EventSource => (db, p) =>
  db`SELECT created_at AS at, '' AS who, 0 AS amount FROM accounts
     WHERE domain = ${domain} AND ${inPeriod(db, "created_at", p)}`;

export const instanceStatuses = (domain: string): EventSource => (db, p) =>
  db`SELECT s.created_at AS at, '' AS who, 0 AS amount
     FROM statuses s JOIN accounts a ON a.id = s.account_id
     WHERE a.domain = ${domain} AND s.created_at >= ${p.from} AND s.created_at < ${p.to}`;

export const instanceMedia = (domain: string): EventSource => (db, p) =>
  db`SELECT m.created_at AS at, '' AS who, coalesce(m.file_size, 0) AS amount
     FROM media_attachments m JOIN accounts a ON a.id = m.account_id
     WHERE a.domain = ${domain} AND m.created_at >= ${p.from} AND m.created_at < ${p.to}`;

export const instanceReports = (domain: string): EventSource => (db, p) =>
  db`SELECT r.created_at AS at, '' AS who, 0 AS amount
     FROM reports r JOIN accounts a ON a.id = r.target_account_id
     WHERE a.domain = ${domain} AND r.created_at >= ${p.from} AND r.created_at < ${p.to}`;

/** Follows of the domain's accounts by ours (`follows`), or of ours by its (`followers`). */
export const instanceFollows = (
  domain: string,
  direction: "follows" | "followers",
): EventSource =>
(db, p) =>
  db`SELECT f.created_at AS at, '' AS who, 0 AS amount
     FROM follows f
     JOIN accounts follower ON follower.id = f.account_id
     JOIN accounts target ON target.id = f.target_account_id
     WHERE ${
    direction === "follows"
      ? db`target.domain = ${domain} AND follower.domain IS NULL`
      : db`follower.domain = ${domain} AND target.domain IS NULL`
  } AND f.created_at >= ${p.from} AND f.created_at < ${p.to}`;

export interface DimensionRow {
  key: string;
  value: string;
}

/** Statuses in the period grouped by `key`, most first. */
async function statusesBy(
  db: Queryable,
  key: ReturnType<Queryable>,
  where: ReturnType<Queryable>,
  p: Period,
  limit: number,
): Promise<DimensionRow[]> {
  return [
    ...await db<DimensionRow[]>`
      SELECT ${key} AS key, count(*)::text AS value
      FROM statuses s JOIN accounts a ON a.id = s.account_id
      LEFT JOIN oauth_applications app ON app.id = s.application_id
      WHERE ${where} AND s.reblog_of_id IS NULL
        AND s.created_at >= ${p.from} AND s.created_at < ${p.to}
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${limit}`,
  ];
}

export const localLanguages = (db: Queryable, p: Period, limit: number) =>
  statusesBy(db, db`coalesce(s.language, 'und')`, db`s.local`, p, limit);

export const localSources = (db: Queryable, p: Period, limit: number) =>
  statusesBy(db, db`coalesce(app.name, 'Web')`, db`s.local`, p, limit);

export const remoteServers = (db: Queryable, p: Period, limit: number) =>
  statusesBy(db, db`a.domain`, db`a.domain IS NOT NULL`, p, limit);

export const domainLanguages = (
  db: Queryable,
  domain: string,
  p: Period,
  limit: number,
) =>
  statusesBy(
    db,
    db`coalesce(s.language, 'und')`,
    db`a.domain = ${domain}`,
    p,
    limit,
  );

export async function tagDimension(
  db: Queryable,
  tagId: string,
  by: "server" | "language",
  p: Period,
  limit: number,
): Promise<DimensionRow[]> {
  return [
    ...await db<DimensionRow[]>`
      SELECT ${
      by === "server" ? db`a.domain` : db`coalesce(s.language, 'und')`
    } AS key, count(*)::text AS value
      FROM statuses_tags st JOIN statuses s ON s.id = st.status_id
      JOIN accounts a ON a.id = s.account_id
      WHERE st.tag_id = ${tagId} AND s.created_at >= ${p.from} AND s.created_at < ${p.to}
        ${by === "server" ? db`AND a.domain IS NOT NULL` : db``}
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${limit}`,
  ];
}

/** The domain's accounts most followed from here (Mastodon: instance_accounts). */
export async function mostFollowedOf(
  db: Queryable,
  domain: string,
  limit: number,
): Promise<DimensionRow[]> {
  return [
    ...await db<DimensionRow[]>`
      SELECT a.username AS key, count(*)::text AS value
      FROM follows f JOIN accounts a ON a.id = f.target_account_id
      JOIN accounts follower ON follower.id = f.account_id
      WHERE a.domain = ${domain} AND follower.domain IS NULL
      GROUP BY a.username ORDER BY count(*) DESC, 1 LIMIT ${limit}`,
  ];
}

export async function spaceUsage(
  db: Queryable,
): Promise<{ database: string; media: string; version: string }> {
  const [row] = await db<
    { database: string; media: string; version: string }[]
  >`
    SELECT pg_database_size(current_database())::text AS database,
           (SELECT coalesce(sum(file_size), 0)::text FROM media_attachments) AS media,
           current_setting('server_version') AS version`;
  return row;
}

/**
 * Retention: for each cohort (users who joined in a bucket), how many of them were active in
 * each bucket from theirs to the end. `unit` is 'day' or 'month'.
 */
export async function retention(
  db: Queryable,
  p: Period,
  unit: "day" | "month",
): Promise<{ period: Date; date: Date; size: number; active: number }[]> {
  const step = unit === "day" ? "1 day" : "1 month";
  return [
    ...await db<{ period: Date; date: Date; size: number; active: number }[]>`
      WITH buckets AS (
        SELECT b::timestamp AS bucket
        FROM generate_series(
          date_trunc(${unit}, ${p.from}::timestamptz AT TIME ZONE 'UTC'),
          ${p.to}::timestamptz AT TIME ZONE 'UTC' - interval '1 second',
          ${step}::interval) AS b
      ),
      cohorts AS (
        SELECT date_trunc(${unit}, u.created_at AT TIME ZONE 'UTC') AS period, u.account_id
        FROM users u
        WHERE u.created_at >= ${p.from} AND u.created_at < ${p.to}
      )
      SELECT c.bucket AT TIME ZONE 'UTC' AS period, d.bucket AT TIME ZONE 'UTC' AS date,
             (SELECT count(*) FROM cohorts WHERE period = c.bucket)::int AS size,
             (SELECT count(DISTINCT h.account_id)
              FROM cohorts co JOIN account_activity_days h ON h.account_id = co.account_id
              WHERE co.period = c.bucket
                AND h.day >= d.bucket::date
                AND h.day < (d.bucket + ${step}::interval)::date)::int AS active
      FROM buckets c JOIN buckets d ON d.bucket >= c.bucket
      ORDER BY c.bucket, d.bucket`,
  ];
}
