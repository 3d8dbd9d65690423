/**
 * Reading a timeline in windows, so that its plan doesn't depend on statistics.
 *
 * Written as one join with every filter and `ORDER BY id LIMIT n`, a timeline query is planned
 * from the table statistics: on a database that has not been analysed (a freshly seeded server;
 * always PGlite, which runs no autovacuum) Postgres took a bitmap scan of the viewer's whole
 * feed, joined every entry to `statuses`, filtered them all and sorted — 1.5 s for 20 rows of a
 * 22,500-entry feed, growing with the feed. So the query is split where the planner can't merge
 * it back: a `MATERIALIZED` CTE takes the next `size` candidate ids from an index in order (an
 * index scan under a `LIMIT`: the cheapest plan with or without statistics), and only those are
 * joined and filtered. When filters drop so many that the page isn't full, the next window
 * continues where this one ended (a larger one each time), so the rows are exactly those of the
 * single query: filtered rows never shorten a page.
 */
import type { Queryable } from "./client.ts";
import type { Fragment } from "./visibility.ts";

export interface WindowPage {
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

/** A window's bounds as values: ids older than `before`, newer than `after`, and its order. */
export interface WindowRange {
  before: string | null;
  after: string | null;
  ascending: boolean;
}

/** The first window holds twice the page; later ones grow fourfold, up to this many ids. */
const MAX_WINDOW = 1000;

export interface WindowedQuery {
  /**
   * The candidates: `SELECT <column> AS id FROM … WHERE … ${bounds} ORDER BY <column> ${order}
   * LIMIT ${size}`, over an index whose order is the column's. `bounds` is the paging condition
   * on `column` (passed to `windowedPage`); `range` is the same bounds as values, for a
   * candidate query that takes them as arguments (a function: notifications).
   */
  candidates(
    bounds: Fragment,
    order: Fragment,
    size: number,
    range: WindowRange,
  ): Fragment;
  /**
   * The rows for the candidates, filtered: a `SELECT` reading the CTE `candidates` (column `id`),
   * without ORDER BY or LIMIT. Its rows need an `id` column: the order of the page.
   */
  rows: Fragment;
}

/**
 * A page of `query`, newest first, paged on `column` as Mastodon pages: `max_id` (older than),
 * `since_id` (newer than, newest first), `min_id` (the page immediately newer than).
 */
export async function windowedPage<T extends { id: string }>(
  db: Queryable,
  column: string,
  page: WindowPage,
  query: WindowedQuery,
): Promise<T[]> {
  const col = db.unsafe(column);
  const ascending = Boolean(page.minId);
  const order = ascending ? db`ASC` : db`DESC`;
  const found: T[] = [];
  let { maxId, minId } = page;
  let size = Math.min(page.limit * 2, MAX_WINDOW);
  for (;;) {
    const bounds = db`
      ${maxId ? db`AND ${col} < ${maxId}` : db``}
      ${page.sinceId ? db`AND ${col} > ${page.sinceId}` : db``}
      ${minId ? db`AND ${col} > ${minId}` : db``}`;
    const rows = await db<
      (T & { _window_rows: number; _window_end: string })[]
    >`
      WITH candidates AS MATERIALIZED (${
      query.candidates(bounds, order, size, {
        before: maxId ?? null,
        after: newest([page.sinceId, minId]),
        ascending,
      })
    }),
      scanned AS (
        SELECT count(*)::int AS n, ${
      ascending ? db`max(id)` : db`min(id)`
    }::text AS window_end
        FROM candidates
      )
      SELECT scanned.n AS _window_rows, scanned.window_end AS _window_end, hit.*
      FROM scanned LEFT JOIN LATERAL (
        SELECT * FROM (${query.rows}) matched
        ORDER BY matched.id ${order} LIMIT ${page.limit - found.length}
      ) hit ON TRUE
      ORDER BY hit.id ${order}`;
    for (const { _window_rows: _, _window_end: __, ...row } of rows) {
      if (row.id !== null) found.push(row as unknown as T);
    }
    const { _window_rows: scanned, _window_end: end } = rows[0];
    if (found.length >= page.limit || scanned < size) break;
    // Continue past this window: below its oldest id, or above its newest for `min_id` pages.
    if (ascending) minId = end;
    else maxId = end;
    size = Math.min(size * 4, MAX_WINDOW);
  }
  return ascending ? found.reverse() : found;
}

/** The larger of the ids given (both bound a page from below), or null. */
function newest(ids: (string | undefined)[]): string | null {
  const given = ids.filter((id): id is string => Boolean(id));
  if (given.length === 0) return null;
  return given.reduce((a, b) => (BigInt(a) >= BigInt(b) ? a : b));
}

/**
 * The `FROM` of a windowed query's `rows`: each candidate looked up by primary key, as `alias`.
 * `OFFSET 0` keeps the planner from flattening the lookup into an ordinary join, which it may
 * plan as a scan of the whole table when the filters match a partial index (the tag timeline's
 * `visibility = 'public' AND reblog_of_id IS NULL` made it read all of statuses_public).
 */
export function candidateRows(
  db: Queryable,
  table: string,
  alias: string,
): Fragment {
  return db`candidates c CROSS JOIN LATERAL (
    SELECT * FROM ${db(table)} WHERE id = c.id OFFSET 0) ${db(alias)}`;
}

/**
 * `LATERAL (…) alias` for a `LEFT JOIN … ON TRUE` to the row of `table` whose id is `id` (an
 * SQL expression): a primary-key lookup per row, for the same reason as `candidateRows` (a plain
 * join was planned as a hash join over a sequential scan of all statuses).
 */
export function lookupById(
  db: Queryable,
  table: string,
  alias: string,
  id: string,
): Fragment {
  return db`LATERAL (
    SELECT * FROM ${db(table)} WHERE id = ${db.unsafe(id)} OFFSET 0) ${
    db(alias)
  }`;
}
