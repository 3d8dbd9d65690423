/**
 * The web UI's message catalogues and the choice of one per request: the signed-in user's
 * interface language (users.locale, set in Settings › Posting), else the browser's
 * `Accept-Language`, else English. Catalogues are typed against `Messages` (messages.ts).
 */
import type { Messages } from "./messages.ts";
import { en } from "./en.ts";
import { de } from "./de.ts";

export type { Messages };
export { fill } from "./fill.ts";

const CATALOGUES = { en, de } satisfies Record<string, Messages>;

export type Locale = keyof typeof CATALOGUES;

export const DEFAULT_LOCALE: Locale = "en";

/** Each locale in its own language, for the setting's choices. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && Object.hasOwn(CATALOGUES, value);
}

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** The best supported locale for an `Accept-Language` header (q-values honoured; `de-AT` → `de`). */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  const ranked = (acceptLanguage ?? "").split(",").map((part, i) => {
    const [tag, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(
      Boolean,
    );
    return { tag, q: q === undefined ? 1 : Number(q), i };
  }).filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const language = tag.split("-")[0];
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** A signed-in user's own choice wins; visitors get what their browser asks for. */
export function localeFor(
  userLocale: string | null | undefined,
  acceptLanguage: string | null,
): Locale {
  const own = userLocale?.split("-")[0];
  return isLocale(own) ? own : negotiateLocale(acceptLanguage);
}
