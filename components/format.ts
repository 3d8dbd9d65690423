/** Formatting shared by server pages and islands (deterministic: the same text on both sides). */
import type { UiAccount } from "./mastodon.ts";

const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : DATE.format(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : DATE_TIME.format(date);
}

const SHORT_DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** `27 Nov` this year, `27 Nov 2025` before: the timestamp on narrow screens. */
export function formatShortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.getUTCFullYear() === new Date().getUTCFullYear()
    ? SHORT_DATE.format(date)
    : DATE.format(date);
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

// One formatter for every count: `toLocaleString` builds a new one per call (measurable on a
// timeline page, which shows dozens of counts).
const COUNT = new Intl.NumberFormat("en");

export function plural(n: number, one: string, many = one + "s"): string {
  return `${COUNT.format(n)} ${n === 1 ? one : many}`;
}

/**
 * Every count in the UI (replies, boosts, favourites, profile numbers) is shown, zero included,
 * so a number never silently disappears.
 */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

const MEDIA_NOUN: Record<string, [string, string]> = {
  image: ["image", "images"],
  gifv: ["GIF", "GIFs"],
  video: ["video", "videos"],
  audio: ["audio file", "audio files"],
};

/** What is attached, for a closed content warning: `2 images`, `1 image, 1 video`. */
export function mediaSummary(media: { type: string }[]): string {
  const counts = new Map<string, number>();
  for (const m of media) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => {
    const [one, many] = MEDIA_NOUN[type] ?? ["attachment", "attachments"];
    return plural(n, one, many);
  }).join(", ");
}

/** Where a signed-out visitor acts on `uri` from their own server (remote interaction). */
export function interactPath(
  intent: "follow" | "reply" | "reblog" | "favourite",
  uri: string,
): string {
  return `/interact?intent=${intent}&uri=${encodeURIComponent(uri)}`;
}
