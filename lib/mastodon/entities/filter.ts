/** Filter (v2), FilterKeyword, FilterResult and the v1 filter shape. */
import type {
  FilterKeywordRow,
  FilterStatusRow,
  FilterWithKeywords,
} from "../../db/filters.ts";
import type { FilterMatch } from "../../domain/filters.ts";
import type {
  Filter,
  FilterKeyword,
  FilterResult,
  FilterStatus,
} from "./types.ts";

export function filterKeywordJson(k: FilterKeywordRow): FilterKeyword {
  return { id: k.id, keyword: k.keyword, whole_word: k.whole_word };
}

export function filterStatusJson(entry: FilterStatusRow): FilterStatus {
  return { id: entry.id, status_id: entry.status_id };
}

export function filterJson(filter: FilterWithKeywords): Filter {
  return {
    id: filter.id,
    title: filter.title,
    context: filter.context,
    expires_at: filter.expires_at?.toISOString() ?? null,
    filter_action: filter.filter_action,
    keywords: filter.keywords.map(filterKeywordJson),
    statuses: filter.statuses.map(filterStatusJson),
  };
}

export function filterResultJson(match: FilterMatch): FilterResult {
  return {
    filter: filterJson(match.filter),
    keyword_matches: match.keywordMatches,
    status_matches: match.statusMatches,
  };
}

/** The v1 `/api/v1/filters` shape: one entry per keyword, as Mastodon maps v2 → v1. */
export function v1FilterJson(
  filter: FilterWithKeywords,
  k: FilterKeywordRow,
) {
  return {
    id: k.id,
    phrase: k.keyword,
    context: filter.context,
    whole_word: k.whole_word,
    expires_at: filter.expires_at?.toISOString() ?? null,
    irreversible: filter.filter_action === "hide",
  };
}

export function v1FilterJsons(filter: FilterWithKeywords) {
  return filter.keywords.map((k) => v1FilterJson(filter, k));
}
