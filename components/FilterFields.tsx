import type { FilterContext } from "../lib/domain/filters.ts";
import { RadioChoices } from "./RadioChoices.tsx";

/** A filter as its form holds it, the same fields when creating one and when editing it. */
export interface FilterDraft {
  title: string;
  context: string[];
  action: string;
  /** Seconds from now; "" never expires; "keep" leaves an existing expiry as it is. */
  expiresIn: string;
  /** The expiry it has now, shown beside "keep". */
  expiresAt: string | null;
  keywords: FilterKeywordDraft[];
}

export interface FilterKeywordDraft {
  id?: string;
  keyword: string;
  wholeWord: boolean;
  destroy: boolean;
}

/** Blank keyword rows offered after the filled ones (no JavaScript needed to add some). */
export const BLANK_KEYWORD_ROWS = 3;

const CONTEXTS: [FilterContext, string][] = [
  ["home", "Home and lists"],
  ["notifications", "Notifications"],
  ["public", "Public timelines"],
  ["thread", "Conversations"],
  ["account", "Profiles"],
];

const ACTIONS: [string, string, string][] = [
  [
    "warn",
    "Hide with a warning",
    "Shows that a filter matched, with a button to see the post.",
  ],
  [
    "blur",
    "Hide media with a warning",
    "Shows the text but hides the pictures and videos.",
  ],
  ["hide", "Hide completely", "The post is not shown at all."],
];

const DURATIONS: [string, string][] = [
  ["", "Never"],
  ["1800", "30 minutes"],
  ["3600", "1 hour"],
  ["21600", "6 hours"],
  ["43200", "12 hours"],
  ["86400", "1 day"],
  ["604800", "1 week"],
];

export const CONTEXT_LABELS: Record<string, string> = Object.fromEntries(
  CONTEXTS,
);
export const ACTION_LABELS: Record<string, string> = Object.fromEntries(
  ACTIONS.map(([value, label]) => [value, label]),
);

/** The fields of the filter form: title, where it applies, what it does, expiry, keywords. */
export function FilterFields(
  { filter, expiresLabel }: {
    filter: FilterDraft;
    /** How the current expiry reads, for the "keep" choice when editing. */
    expiresLabel?: string;
  },
) {
  const saved = filter.keywords.filter((k) => k.id).length;
  const rows = [
    ...filter.keywords,
    ...Array.from(
      { length: BLANK_KEYWORD_ROWS },
      (): FilterKeywordDraft => ({
        keyword: "",
        wholeWord: true,
        destroy: false,
      }),
    ),
  ];
  return (
    <>
      <label for="filter-title">Title</label>
      <input
        id="filter-title"
        name="title"
        value={filter.title}
        maxLength={100}
        required
      />
      <fieldset>
        <legend>Filter in</legend>
        {CONTEXTS.map(([value, label]) => (
          <label class="checkbox" key={value}>
            <input
              type="checkbox"
              name="context"
              value={value}
              checked={filter.context.includes(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>What a match does</legend>
        <RadioChoices
          name="filter_action"
          choices={ACTIONS}
          checked={filter.action}
        />
      </fieldset>
      <label for="filter-expires">Expires after</label>
      <select id="filter-expires" name="expires_in">
        {expiresLabel && (
          <option value="keep" selected={filter.expiresIn === "keep"}>
            Keep as it is ({expiresLabel})
          </option>
        )}
        {DURATIONS.map(([value, label]) => (
          <option value={value} selected={filter.expiresIn === value}>
            {label}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Keywords and phrases</legend>
        <p class="help">
          A post matches when it contains one of them (case doesn't matter).
          “Whole word” matches “cat” but not “category”.
        </p>
        <table class="keyword-table">
          <thead>
            <tr>
              <th scope="col">Keyword</th>
              <th scope="col">Whole word</th>
              <th scope="col">Remove</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((k, i) => (
              <tr key={i}>
                <td>
                  {k.id && (
                    <input
                      type="hidden"
                      name={`keywords[${i}][id]`}
                      value={k.id}
                    />
                  )}
                  <input
                    name={`keywords[${i}][keyword]`}
                    value={k.keyword}
                    aria-label={k.id
                      ? `Keyword ${i + 1}`
                      : `New keyword ${i + 1 - saved}`}
                    maxLength={200}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name={`keywords[${i}][whole_word]`}
                    value="on"
                    checked={k.wholeWord}
                    aria-label={`Whole word only, keyword ${i + 1}`}
                  />
                </td>
                <td>
                  {k.id && (
                    <input
                      type="checkbox"
                      name={`keywords[${i}][_destroy]`}
                      value="on"
                      checked={k.destroy}
                      aria-label={`Remove “${k.keyword}”`}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
    </>
  );
}
