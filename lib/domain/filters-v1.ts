/**
 * The deprecated v1 filters API as Mastodon 4 keeps it: a v1 filter is one keyword of a v2
 * filter. Creating makes a filter titled by its phrase with that one keyword; reading, changing
 * and deleting act on the keyword; the filter's own settings (context, expiry, irreversible)
 * change only when it has no other keyword; deleting leaves the filter itself (the v2 API
 * removes it).
 */
import type { Sql } from "../db/client.ts";
import * as db from "../db/filters.ts";
import type { FilterKeywordRow, FilterWithKeywords } from "../db/filters.ts";
import { invalid, notFound } from "./errors.ts";
import {
  createFilter,
  getFilter,
  getKeyword,
  updateFilter,
} from "./filters.ts";

export interface V1FilterInput {
  phrase?: string;
  context?: string[];
  /** Seconds; null clears. */
  expiresIn?: number | null;
  irreversible?: boolean;
  wholeWord?: boolean;
}

export interface V1Filter {
  filter: FilterWithKeywords;
  keyword: FilterKeywordRow;
}

export async function createV1Filter(
  sql: Sql,
  accountId: string,
  input: V1FilterInput,
): Promise<V1Filter> {
  const phrase = input.phrase?.trim();
  if (!phrase) throw invalid("Keyword can't be blank", "phrase");
  const filter = await createFilter(sql, accountId, {
    title: phrase,
    context: input.context ?? [],
    filterAction: input.irreversible ? "hide" : "warn",
    expiresIn: input.expiresIn,
    keywords: [{ keyword: phrase, wholeWord: input.wholeWord ?? true }],
  });
  return { filter, keyword: filter.keywords[0] };
}

export async function getV1Filter(
  sql: Sql,
  accountId: string,
  keywordId: string,
): Promise<V1Filter> {
  const keyword = await getKeyword(sql, accountId, keywordId);
  const filter = await getFilter(sql, accountId, keyword.filter_id);
  return { filter, keyword };
}

export async function updateV1Filter(
  sql: Sql,
  accountId: string,
  keywordId: string,
  input: V1FilterInput,
): Promise<V1Filter> {
  const { filter, keyword } = await getV1Filter(sql, accountId, keywordId);
  const touchesFilter = input.context?.length ||
    input.expiresIn !== undefined ||
    input.irreversible !== undefined;
  if (touchesFilter && filter.keywords.length > 1) {
    throw invalid(
      "These parameters cannot be applied from this application because they apply to more than one filter keyword. Use a more recent application or the web interface.",
    );
  }
  const phrase = input.phrase?.trim();
  if (input.phrase !== undefined && !phrase) {
    throw invalid("Keyword can't be blank", "phrase");
  }
  await updateFilter(sql, accountId, filter.id, {
    context: input.context?.length ? input.context : undefined,
    expiresIn: input.expiresIn,
    filterAction: input.irreversible === undefined
      ? undefined
      : input.irreversible
      ? "hide"
      : "warn",
    keywords: [{ id: keyword.id, keyword: phrase, wholeWord: input.wholeWord }],
  });
  return await getV1Filter(sql, accountId, keywordId);
}

export async function deleteV1Filter(
  sql: Sql,
  accountId: string,
  keywordId: string,
): Promise<void> {
  const keyword = await db.findKeyword(sql, accountId, keywordId);
  if (!keyword) throw notFound();
  await db.deleteKeyword(sql, keyword.filter_id, keyword.id);
}
