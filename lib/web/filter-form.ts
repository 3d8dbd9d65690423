/** The filter form of the web UI (`/filters/new`, `/filters/:id/edit`): posted fields ⇄ draft. */
import type {
  FilterDraft,
  FilterKeywordDraft,
} from "../../components/FilterFields.tsx";
import type { FilterInput, FilterWithKeywords } from "../domain/filters.ts";
import { field } from "./forms.ts";

export const BLANK_FILTER: FilterDraft = {
  title: "",
  context: ["home", "public", "thread"],
  action: "warn",
  expiresIn: "",
  expiresAt: null,
  keywords: [],
};

export function draftOfFilter(filter: FilterWithKeywords): FilterDraft {
  return {
    title: filter.title,
    context: filter.context,
    action: filter.filter_action,
    expiresIn: filter.expires_at ? "keep" : "",
    expiresAt: filter.expires_at?.toISOString() ?? null,
    keywords: filter.keywords.map((k) => ({
      id: k.id,
      keyword: k.keyword,
      wholeWord: k.whole_word,
      destroy: false,
    })),
  };
}

/** The posted form; keyword rows are `keywords[i][keyword|whole_word|id|_destroy]`. */
export function draftOfForm(
  form: FormData,
  expiresAt: string | null = null,
): FilterDraft {
  const rows = new Map<number, Record<string, string>>();
  for (const [name, value] of form) {
    const m = /^keywords\[(\d{1,3})\]\[(keyword|whole_word|id|_destroy)\]$/
      .exec(name);
    if (!m || typeof value !== "string") continue;
    const row = rows.get(Number(m[1])) ?? {};
    row[m[2]] = value;
    rows.set(Number(m[1]), row);
  }
  const keywords: FilterKeywordDraft[] = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => ({
      // Ids are numbers; anything else posted is a new keyword.
      id: /^\d{1,19}$/.test(row.id ?? "") ? row.id : undefined,
      keyword: row.keyword ?? "",
      wholeWord: row.whole_word === "on",
      // An existing keyword emptied is removed, not kept blank.
      destroy: row._destroy === "on" || (!!row.id && !row.keyword?.trim()),
    }))
    // Blank new rows are the spare ones offered by the form.
    .filter((k) => k.id || k.keyword.trim());
  return {
    title: field(form, "title"),
    context: form.getAll("context").filter((c): c is string =>
      typeof c === "string"
    ),
    action: field(form, "filter_action") || "warn",
    expiresIn: field(form, "expires_in"),
    expiresAt,
    keywords,
  };
}

export function filterInputOf(draft: FilterDraft): FilterInput {
  return {
    title: draft.title,
    context: draft.context,
    filterAction: draft.action,
    expiresIn: draft.expiresIn === "keep"
      ? undefined
      : Number(draft.expiresIn) || null,
    keywords: draft.keywords.map((k) => ({
      id: k.id,
      keyword: k.keyword,
      wholeWord: k.wholeWord,
      destroy: k.destroy,
    })),
  };
}
