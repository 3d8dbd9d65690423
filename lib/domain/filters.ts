/**
 * Filters (v2): CRUD with validation, and matching a status against the viewer's active filters
 * (timelines mark matches as `filtered`, or drop them for `hide`).
 */
import type { Queryable, Sql } from "../db/client.ts";
import * as db from "../db/filters.ts";
import type { FilterKeywordRow, FilterWithKeywords } from "../db/filters.ts";
import { htmlToPlainText } from "../text/plain.ts";
import { invalid, notFound } from "./errors.ts";

export type FilterContext =
  | "home"
  | "notifications"
  | "public"
  | "thread"
  | "account";
export const FILTER_CONTEXTS: readonly FilterContext[] = [
  "home",
  "notifications",
  "public",
  "thread",
  "account",
];
const ACTIONS = ["warn", "hide", "blur"];

export type { FilterWithKeywords };

/** Several viewers' active filters, by viewer (all contexts: pick with `inContext`). */
export function loadViewersFilters(
  sql: Queryable,
  accountIds: string[],
): Promise<Map<string, FilterWithKeywords[]>> {
  return db.activeFiltersOf(sql, accountIds);
}

export function inContext(
  filters: FilterWithKeywords[],
  context: FilterContext,
): FilterWithKeywords[] {
  return filters.filter((f) => f.context.includes(context));
}

export async function loadActiveFilters(
  sql: Queryable,
  accountId: string,
  context: FilterContext,
): Promise<FilterWithKeywords[]> {
  return await db.listFilters(sql, accountId, { context, activeOnly: true });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface FilterMatch {
  filter: FilterWithKeywords;
  keywordMatches: string[];
  /** Ids of the statuses the filter names that this one is (or boosts). */
  statusMatches: string[];
}

/**
 * Which filters match a status: by its text (content, spoiler; media descriptions aside), or by
 * naming it or, for a boost, the boost itself (`ids`: the status and the boost's id, as Mastodon
 * matches `[status.id, status.reblog_of_id]`).
 */
export function matchFilters(
  filters: FilterWithKeywords[],
  status: { content: string; spoiler_text: string },
  ids: string[] = [],
): FilterMatch[] {
  if (filters.length === 0) return [];
  const text = `${status.spoiler_text}\n${htmlToPlainText(status.content)}`;
  const matches: FilterMatch[] = [];
  for (const filter of filters) {
    const statusMatches = filter.statuses
      .filter((entry) => ids.includes(entry.status_id))
      .map((entry) => entry.status_id);
    const hits = filter.keywords.filter((k) => {
      const body = escapeRegExp(k.keyword);
      const pattern = k.whole_word
        ? new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, "iu")
        : new RegExp(body, "iu");
      return pattern.test(text);
    }).map((k) => k.keyword);
    if (hits.length || statusMatches.length) {
      matches.push({ filter, keywordMatches: hits, statusMatches });
    }
  }
  return matches;
}

export interface FilterInput {
  title?: string;
  context?: string[];
  filterAction?: string;
  /** Seconds; null/0 clears. */
  expiresIn?: number | null;
  keywords?: {
    id?: string;
    keyword?: string;
    wholeWord?: boolean;
    destroy?: boolean;
  }[];
}

function checkContext(context: string[]): string[] {
  const valid = context.filter((c) =>
    (FILTER_CONTEXTS as readonly string[]).includes(c)
  );
  if (valid.length === 0) throw invalid("Context can't be blank", "context");
  return [...new Set(valid)];
}

export async function createFilter(
  sql: Sql,
  accountId: string,
  input: FilterInput,
): Promise<FilterWithKeywords> {
  const title = input.title?.trim();
  if (!title) throw invalid("Title can't be blank", "title");
  const context = checkContext(input.context ?? []);
  const action = input.filterAction ?? "warn";
  if (!ACTIONS.includes(action)) {
    throw invalid("Filter action is not included in the list");
  }
  const id = await sql.begin(async (tx) => {
    const filter = await db.insertFilter(tx, {
      account_id: accountId,
      title,
      context,
      filter_action: action,
      expires_at: input.expiresIn
        ? new Date(Date.now() + input.expiresIn * 1000)
        : null,
    });
    for (const k of input.keywords ?? []) {
      if (k.keyword?.trim()) {
        await db.insertKeyword(
          tx,
          filter.id,
          k.keyword.trim(),
          k.wholeWord ?? true,
        );
      }
    }
    return filter.id;
  });
  return (await db.findFilter(sql, accountId, id))!;
}

export async function getFilter(sql: Queryable, accountId: string, id: string) {
  const filter = await db.findFilter(sql, accountId, id);
  if (!filter) throw notFound();
  return filter;
}

export async function updateFilter(
  sql: Sql,
  accountId: string,
  id: string,
  input: FilterInput,
): Promise<FilterWithKeywords> {
  const filter = await getFilter(sql, accountId, id);
  await sql.begin(async (tx) => {
    const changes: Parameters<typeof db.updateFilter>[2] = {};
    if (input.title !== undefined) {
      if (!input.title.trim()) throw invalid("Title can't be blank", "title");
      changes.title = input.title.trim();
    }
    // A context given must name one (a blank one is refused, as when creating).
    if (input.context !== undefined) {
      changes.context = checkContext(input.context);
    }
    if (input.filterAction !== undefined) {
      if (!ACTIONS.includes(input.filterAction)) {
        throw invalid("Filter action is invalid");
      }
      changes.filter_action = input.filterAction;
    }
    if (input.expiresIn !== undefined) {
      changes.expires_at = input.expiresIn
        ? new Date(Date.now() + input.expiresIn * 1000)
        : null;
    }
    await db.updateFilter(tx, filter.id, changes);
    for (const k of input.keywords ?? []) {
      if (k.id && k.destroy) await db.deleteKeyword(tx, filter.id, k.id);
      else if (k.id) {
        await db.updateKeyword(tx, filter.id, k.id, k.keyword, k.wholeWord);
      } else if (k.keyword?.trim()) {
        await db.insertKeyword(
          tx,
          filter.id,
          k.keyword.trim(),
          k.wholeWord ?? true,
        );
      }
    }
  });
  return await getFilter(sql, accountId, id);
}

export async function deleteFilter(
  sql: Sql,
  accountId: string,
  id: string,
): Promise<void> {
  await getFilter(sql, accountId, id);
  await db.deleteFilter(sql, accountId, id);
}

export async function listFilters(sql: Queryable, accountId: string) {
  return await db.listFilters(sql, accountId);
}

export async function addKeyword(
  sql: Sql,
  accountId: string,
  filterId: string,
  keyword: string,
  wholeWord: boolean,
): Promise<FilterKeywordRow> {
  await getFilter(sql, accountId, filterId);
  if (!keyword.trim()) throw invalid("Keyword can't be blank", "keyword");
  return await db.insertKeyword(sql, filterId, keyword.trim(), wholeWord);
}

export async function getKeyword(
  sql: Queryable,
  accountId: string,
  id: string,
) {
  const row = await db.findKeyword(sql, accountId, id);
  if (!row) throw notFound();
  return row;
}

export async function changeKeyword(
  sql: Sql,
  accountId: string,
  id: string,
  keyword: string | undefined,
  wholeWord: boolean | undefined,
) {
  const row = await getKeyword(sql, accountId, id);
  await db.updateKeyword(sql, row.filter_id, id, keyword, wholeWord);
  return await getKeyword(sql, accountId, id);
}

export async function removeKeyword(sql: Sql, accountId: string, id: string) {
  const row = await getKeyword(sql, accountId, id);
  await db.deleteKeyword(sql, row.filter_id, id);
}
