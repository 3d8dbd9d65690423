/** SQL for filters (v2) and their keywords. */
import type { Queryable } from "./client.ts";

export interface FilterRow {
  id: string;
  account_id: string;
  title: string;
  context: string[];
  filter_action: string;
  expires_at: Date | null;
  created_at: Date;
}

export interface FilterKeywordRow {
  id: string;
  filter_id: string;
  keyword: string;
  whole_word: boolean;
}

export interface FilterStatusRow {
  id: string;
  filter_id: string;
  status_id: string;
}

export interface FilterWithKeywords extends FilterRow {
  keywords: FilterKeywordRow[];
  statuses: FilterStatusRow[];
}

export async function listFilters(
  db: Queryable,
  accountId: string,
  options: { context?: string; activeOnly?: boolean } = {},
): Promise<FilterWithKeywords[]> {
  const filters = await db<FilterRow[]>`
    SELECT * FROM filters WHERE account_id = ${accountId}
      ${options.context ? db`AND ${options.context} = ANY(context)` : db``}
      ${
    options.activeOnly
      ? db`AND (expires_at IS NULL OR expires_at > now())`
      : db``
  }
    ORDER BY id`;
  return await withKeywords(db, [...filters]);
}

/** The active filters of several accounts at once (the streaming fan-out), by account. */
export async function activeFiltersOf(
  db: Queryable,
  accountIds: string[],
): Promise<Map<string, FilterWithKeywords[]>> {
  const byAccount = new Map<string, FilterWithKeywords[]>();
  if (accountIds.length === 0) return byAccount;
  const filters = await db<FilterRow[]>`
    SELECT * FROM filters WHERE account_id = ANY(${accountIds}::bigint[])
      AND (expires_at IS NULL OR expires_at > now())
    ORDER BY id`;
  for (const filter of await withKeywords(db, [...filters])) {
    const list = byAccount.get(filter.account_id) ?? [];
    list.push(filter);
    byAccount.set(filter.account_id, list);
  }
  return byAccount;
}

async function withKeywords(
  db: Queryable,
  filters: FilterRow[],
): Promise<FilterWithKeywords[]> {
  if (filters.length === 0) return [];
  const ids = filters.map((f) => f.id);
  const [keywords, statuses] = await Promise.all([
    db<FilterKeywordRow[]>`
      SELECT * FROM filter_keywords WHERE filter_id = ANY(${ids}::bigint[]) ORDER BY id`,
    db<FilterStatusRow[]>`
      SELECT id, filter_id, status_id FROM filter_statuses
      WHERE filter_id = ANY(${ids}::bigint[]) ORDER BY id`,
  ]);
  return filters.map((f) => ({
    ...f,
    keywords: keywords.filter((k) => k.filter_id === f.id),
    statuses: statuses.filter((s) => s.filter_id === f.id),
  }));
}

export async function findFilter(
  db: Queryable,
  accountId: string,
  id: string,
): Promise<FilterWithKeywords | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const rows = await db<FilterRow[]>`
    SELECT * FROM filters WHERE id = ${id} AND account_id = ${accountId}`;
  const [filter] = await withKeywords(db, [...rows]);
  return filter ?? null;
}

export async function insertFilter(
  db: Queryable,
  row: Pick<
    FilterRow,
    "account_id" | "title" | "context" | "filter_action" | "expires_at"
  >,
): Promise<FilterRow> {
  const [inserted] = await db<FilterRow[]>`
    INSERT INTO filters (account_id, title, context, filter_action, expires_at)
    VALUES (${row.account_id}, ${row.title}, ${row.context}::text[], ${row.filter_action},
            ${row.expires_at})
    RETURNING *`;
  return inserted;
}

export async function updateFilter(
  db: Queryable,
  id: string,
  changes: Partial<
    Pick<FilterRow, "title" | "context" | "filter_action" | "expires_at">
  >,
): Promise<void> {
  const keys = Object.keys(changes) as (keyof typeof changes)[];
  if (keys.length === 0) return;
  await db`UPDATE filters SET ${
    db(changes as Record<string, string>, ...keys)
  } WHERE id = ${id}`;
}

export async function deleteFilter(
  db: Queryable,
  accountId: string,
  id: string,
) {
  if (!/^\d{1,19}$/.test(id)) return;
  await db`DELETE FROM filters WHERE id = ${id} AND account_id = ${accountId}`;
}

export async function insertKeyword(
  db: Queryable,
  filterId: string,
  keyword: string,
  wholeWord: boolean,
): Promise<FilterKeywordRow> {
  const [row] = await db<FilterKeywordRow[]>`
    INSERT INTO filter_keywords (filter_id, keyword, whole_word)
    VALUES (${filterId}, ${keyword}, ${wholeWord}) RETURNING *`;
  return row;
}

export async function updateKeyword(
  db: Queryable,
  filterId: string,
  id: string,
  keyword: string | undefined,
  wholeWord: boolean | undefined,
) {
  await db`UPDATE filter_keywords SET keyword = coalesce(${
    keyword ?? null
  }, keyword),
             whole_word = coalesce(${wholeWord ?? null}, whole_word)
           WHERE id = ${id} AND filter_id = ${filterId}`;
}

export async function deleteKeyword(
  db: Queryable,
  filterId: string,
  id: string,
) {
  await db`DELETE FROM filter_keywords WHERE id = ${id} AND filter_id = ${filterId}`;
}

/** A keyword with its filter's owner check, for /api/v2/filters/keywords/:id. */
export async function findKeyword(
  db: Queryable,
  accountId: string,
  id: string,
): Promise<FilterKeywordRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<FilterKeywordRow[]>`
    SELECT k.* FROM filter_keywords k JOIN filters f ON f.id = k.filter_id
    WHERE k.id = ${id} AND f.account_id = ${accountId}`;
  return row ?? null;
}

/** Adds a status to a filter; null when the filter names it already. */
export async function insertFilterStatus(
  db: Queryable,
  filterId: string,
  statusId: string,
): Promise<FilterStatusRow | null> {
  const [row] = await db<FilterStatusRow[]>`
    INSERT INTO filter_statuses (filter_id, status_id) VALUES (${filterId}, ${statusId})
    ON CONFLICT DO NOTHING RETURNING id, filter_id, status_id`;
  return row ?? null;
}

/** A status entry with its filter's owner check, for /api/v2/filters/statuses/:id. */
export async function findFilterStatus(
  db: Queryable,
  accountId: string,
  id: string,
): Promise<FilterStatusRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<FilterStatusRow[]>`
    SELECT fs.id, fs.filter_id, fs.status_id
    FROM filter_statuses fs JOIN filters f ON f.id = fs.filter_id
    WHERE fs.id = ${id} AND f.account_id = ${accountId}`;
  return row ?? null;
}

export async function deleteFilterStatus(db: Queryable, id: string) {
  await db`DELETE FROM filter_statuses WHERE id = ${id}`;
}

/**
 * The viewer's active filters of `context` with their keywords and statuses, as one JSON column, for a
 * statement that loads something else (the status bundle: a page costs no statement for its
 * filters). Uncorrelated, so Postgres computes it once per statement. Read with `parseFilters`.
 */
export function activeFiltersColumn(
  db: Queryable,
  accountId: string,
  context: string,
) {
  return db`(
    SELECT json_agg(json_build_object(
      'id', f.id::text, 'account_id', f.account_id::text, 'title', f.title,
      'context', f.context, 'filter_action', f.filter_action,
      'expires_at', f.expires_at, 'created_at', f.created_at,
      'keywords', coalesce((
        SELECT json_agg(json_build_object('id', k.id::text, 'filter_id', k.filter_id::text,
          'keyword', k.keyword, 'whole_word', k.whole_word) ORDER BY k.id)
        FROM filter_keywords k WHERE k.filter_id = f.id), '[]'),
      'statuses', coalesce((
        SELECT json_agg(json_build_object('id', fs.id::text, 'filter_id', fs.filter_id::text,
          'status_id', fs.status_id::text) ORDER BY fs.id)
        FROM filter_statuses fs WHERE fs.filter_id = f.id), '[]')) ORDER BY f.id)
    FROM filters f
    WHERE f.account_id = ${accountId} AND ${context} = ANY(f.context)
      AND (f.expires_at IS NULL OR f.expires_at > now()))`;
}

type FilterJson = Omit<FilterWithKeywords, "expires_at" | "created_at"> & {
  expires_at: string | null;
  created_at: string;
};

/** The rows of `activeFiltersColumn` (null: none), dates as dates. */
export function parseFilters(
  column: FilterJson[] | null,
): FilterWithKeywords[] {
  return (column ?? []).map((f) => ({
    ...f,
    expires_at: f.expires_at === null ? null : new Date(f.expires_at),
    created_at: new Date(f.created_at),
  }));
}
