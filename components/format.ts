/**
 * Formatting shared by server pages and islands (deterministic: the same text on both sides for
 * the same locale, so an island's first render matches the server's). Every function takes the
 * page's locale (`ctx.state.locale`, an island's `locale` prop) explicitly; English by default.
 */
import type { UiAccount } from "./mastodon.ts";
import type { MediaKind } from "../lib/i18n/messages.ts";
import { formatNumber } from "../lib/i18n/count.ts";

/**
 * The Intl locale for a UI locale. English keeps the British day-month order the UI has always
 * shown (`27 Nov 2025`); German is `27. Nov. 2025`.
 */
function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

// Intl formatters are costly to build (a timeline page formats dozens of dates): one per locale
// and kind, built on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(
  locale: string,
  kind: "date" | "dateTime" | "shortDate",
): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      day: "numeric",
      month: "short",
      ...(kind === "shortDate" ? {} : { year: "numeric" }),
      ...(kind === "dateTime"
        ? { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }
        : {}),
      timeZone: "UTC",
    });
    formatters.set(key, format);
  }
  return format;
}

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `27 Nov 2025` / `27. Nov. 2025`. */
export function formatDate(iso: string, locale: string): string {
  const date = parse(iso);
  return date ? dateFormat(locale, "date").format(date) : "";
}

/** `27 Nov 2025, 14:05 UTC` / `27. Nov. 2025, 14:05 UTC`. */
export function formatDateTime(iso: string, locale: string): string {
  const date = parse(iso);
  return date ? dateFormat(locale, "dateTime").format(date) : "";
}

/** `27 Nov` this year, `27 Nov 2025` before: the timestamp on narrow screens. */
export function formatShortDate(iso: string, locale: string): string {
  const date = parse(iso);
  if (!date) return "";
  return date.getUTCFullYear() === new Date().getUTCFullYear()
    ? dateFormat(locale, "shortDate").format(date)
    : dateFormat(locale, "date").format(date);
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/**
 * How far `iso` is from `now`, in the largest whole unit: `5 minutes ago` / `vor 5 Minuten`,
 * `in 2 days` / `in 2 Tagen`. `now` is a parameter so a server page and its island can agree on
 * it (the island's first render gets the server's `now` as a prop).
 */
export function formatRelative(
  iso: string,
  locale = "en",
  now: number = Date.now(),
): string {
  const date = parse(iso);
  if (!date) return "";
  let format = relativeFormatters.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(intlLocale(locale), {
      numeric: "auto",
    });
    relativeFormatters.set(locale, format);
  }
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") {
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return "";
}

const durations = new Map<string, Intl.NumberFormat>();

/** `5 minutes` / `5 Minuten`: a length of time with its unit spelled out. */
export function formatDuration(
  amount: number,
  unit: "minute" | "hour" | "day",
  locale = "en",
): string {
  const key = `${unit}:${locale}`;
  let format = durations.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), {
      style: "unit",
      unit,
      unitDisplay: "long",
    });
    durations.set(key, format);
  }
  return format.format(amount);
}

export function displayName(account: UiAccount): string {
  return account.display_name.trim() || account.username;
}

/** The local page of an account: `/@alice` or `/@bob@remote.example`. */
export function profilePath(account: { acct: string }): string {
  return `/@${account.acct}`;
}

export function statusPath(status: { id: string; account: { acct: string } }) {
  return `/@${status.account.acct}/${status.id}`;
}

/**
 * Every count in the UI (replies, boosts, favourites, profile numbers) is shown, zero included,
 * so a number never silently disappears. `1,234` / `1.234`.
 */
export function formatCount(n: number, locale = "en"): string {
  return formatNumber(n, locale);
}

/**
 * What is attached, for a closed content warning: `2 images`, `1 image, 1 video` — in the
 * language of `nouns` (the status section's mediaNouns). A post has at most four attachments,
 * so the number needs no locale formatting.
 */
export function mediaSummary(
  media: { type: string }[],
  nouns: Record<MediaKind, [string, string]>,
): string {
  const counts = new Map<string, number>();
  for (const m of media) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => {
    const [one, other] = Object.hasOwn(nouns, type)
      ? nouns[type as MediaKind]
      : nouns.unknown;
    return `${n} ${n === 1 ? one : other}`;
  }).join(", ");
}

/** Where a signed-out visitor acts on `uri` from their own server (remote interaction). */
export function interactPath(
  intent: "follow" | "reply" | "reblog" | "favourite",
  uri: string,
): string {
  return `/interact?intent=${intent}&uri=${encodeURIComponent(uri)}`;
}
