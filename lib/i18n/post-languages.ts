/**
 * The languages a post can be marked as (ISO 639-1, the codes Mastodon's `language` takes),
 * named in the reader's interface language with `Intl.DisplayNames`, sorted by that name.
 * Server-side only: the compose page hands the list to the island as a prop.
 */
const POST_LANGUAGES = [
  "ar",
  "ca",
  "cs",
  "cy",
  "da",
  "de",
  "el",
  "en",
  "eo",
  "es",
  "eu",
  "fa",
  "fi",
  "fr",
  "ga",
  "gl",
  "he",
  "hi",
  "hu",
  "id",
  "it",
  "ja",
  "ko",
  "nl",
  "no",
  "pl",
  "pt",
  "ro",
  "ru",
  "sk",
  "sv",
  "th",
  "tr",
  "uk",
  "vi",
  "zh",
];

export interface LanguageChoice {
  code: string;
  name: string;
}

/** The choices, named in `locale`; `current` is added if it is not among them. */
export function languageChoices(
  locale: string,
  current?: string,
): LanguageChoice[] {
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const codes = current && !POST_LANGUAGES.includes(current)
    ? [...POST_LANGUAGES, current]
    : POST_LANGUAGES;
  return codes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
