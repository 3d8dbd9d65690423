import type { FilterContext } from "../lib/domain/filters.ts";
import { RadioChoices } from "./RadioChoices.tsx";
import type { FiltersMessages } from "../lib/i18n/en/filters.ts";

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

/** Where a filter applies, in the form's order. */
const CONTEXTS: FilterContext[] = [
  "home",
  "notifications",
  "public",
  "thread",
  "account",
];

const ACTIONS = ["warn", "blur", "hide"] as const;

const DURATIONS: [string, keyof FiltersMessages["durations"]][] = [
  ["", "never"],
  ["1800", "minutes30"],
  ["3600", "hour1"],
  ["21600", "hours6"],
  ["43200", "hours12"],
  ["86400", "day1"],
  ["604800", "week1"],
];

/** A context's name (`home` → "Home and lists"); an unknown one as it is. */
export function contextLabel(labels: FiltersMessages, context: string) {
  return Object.hasOwn(labels.contexts, context)
    ? labels.contexts[context as FilterContext]
    : context;
}

/** An action's name (`warn` → "Hide with a warning"); an unknown one as it is. */
export function actionLabel(labels: FiltersMessages, action: string) {
  return Object.hasOwn(labels.actions, action)
    ? labels.actions[action as typeof ACTIONS[number]]
    : action;
}

/** The fields of the filter form: title, where it applies, what it does, expiry, keywords. */
export function FilterFields(
  { filter, expiresLabel, labels: t }: {
    filter: FilterDraft;
    labels: FiltersMessages;
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
      <label for="filter-title">{t.titleLabel}</label>
      <input
        id="filter-title"
        name="title"
        value={filter.title}
        maxLength={100}
        required
      />
      <fieldset>
        <legend>{t.filterIn}</legend>
        {CONTEXTS.map((value) => (
          <label class="checkbox" key={value}>
            <input
              type="checkbox"
              name="context"
              value={value}
              checked={filter.context.includes(value)}
            />
            {t.contexts[value]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.whatAMatchDoes}</legend>
        <RadioChoices
          name="filter_action"
          choices={ACTIONS.map((value) => [
            value,
            t.actions[value],
            t.actionHints[value],
          ])}
          checked={filter.action}
        />
      </fieldset>
      <label for="filter-expires">{t.expiresAfter}</label>
      <select id="filter-expires" name="expires_in">
        {expiresLabel && (
          <option value="keep" selected={filter.expiresIn === "keep"}>
            {t.keepAsItIs(expiresLabel)}
          </option>
        )}
        {DURATIONS.map(([value, label]) => (
          <option value={value} selected={filter.expiresIn === value}>
            {t.durations[label]}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t.keywords}</legend>
        <p class="help">{t.keywordsHelp}</p>
        <table class="keyword-table">
          <thead>
            <tr>
              <th scope="col">{t.keyword}</th>
              <th scope="col">{t.wholeWord}</th>
              <th scope="col">{t.remove}</th>
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
                      ? t.keywordNumber(i + 1)
                      : t.newKeywordNumber(i + 1 - saved)}
                    maxLength={200}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name={`keywords[${i}][whole_word]`}
                    value="on"
                    checked={k.wholeWord}
                    aria-label={t.wholeWordOf(i + 1)}
                  />
                </td>
                <td>
                  {k.id && (
                    <input
                      type="checkbox"
                      name={`keywords[${i}][_destroy]`}
                      value="on"
                      checked={k.destroy}
                      aria-label={t.removeKeyword(k.keyword)}
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
