/** Filter (v2) request parameters: `context[]`, `keywords_attributes[][keyword]` and friends. */
import type { Params } from "./params.ts";
import type { FilterInput } from "../domain/filters.ts";
import type { V1FilterInput } from "../domain/filters-v1.ts";

export function filterInput(params: Params): FilterInput {
  const expires = params.raw("expires_in");
  return {
    title: params.string("title"),
    context: params.has("context") ? params.array("context") : undefined,
    filterAction: params.string("filter_action") || undefined,
    expiresIn: expires === undefined
      ? undefined
      : params.integer("expires_in") ?? null,
    keywords: params.records("keywords_attributes").map((k) => ({
      id: k.id || undefined,
      keyword: k.keyword,
      wholeWord: k.whole_word === undefined
        ? undefined
        : ["true", "1", "on"].includes(k.whole_word),
      destroy: ["true", "1", "on"].includes(k._destroy ?? ""),
    })),
  };
}

/** The deprecated v1 filter parameters: `phrase`, `context[]`, `irreversible`, `whole_word`. */
export function v1FilterInput(params: Params): V1FilterInput {
  const expires = params.raw("expires_in");
  return {
    phrase: params.string("phrase"),
    context: params.has("context") ? params.array("context") : undefined,
    expiresIn: expires === undefined
      ? undefined
      : params.integer("expires_in") ?? null,
    irreversible: params.boolean("irreversible"),
    wholeWord: params.boolean("whole_word"),
  };
}
