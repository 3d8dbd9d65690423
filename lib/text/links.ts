/**
 * The web links a status's HTML carries — what a preview card would be made from — for the
 * link timeline (`/api/v1/timelines/link`). Mentions and hashtags are links too, but not to
 * articles: as Mastodon's link card lookup, anchors with class `mention` or `hashtag`, or
 * `rel="tag"`, are skipped.
 *
 * @module
 */
import { walkHtml } from "./html-walk.ts";

/** How many links of one status are kept (a post rarely has more; a hostile one might). */
export const MAX_LINKS_PER_STATUS = 20;

/** One spelling per address: `new URL(…).href` (lowercase host, `/` path on a bare origin). */
export function normalizeLinkUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  url.hash = "";
  return url.href;
}

/** The distinct http(s) links of `html` that are not mentions or hashtags, in order. */
export function linkedUrls(html: string): string[] {
  const found = new Set<string>();
  try {
    walkHtml(String(html ?? ""), {
      open(name, attribs) {
        if (name !== "a" || found.size >= MAX_LINKS_PER_STATUS) return;
        const classes = (attribs.class ?? "").split(/\s+/);
        const rels = (attribs.rel ?? "").toLowerCase().split(/\s+/);
        if (
          classes.includes("mention") || classes.includes("hashtag") ||
          rels.includes("tag")
        ) return;
        const url = attribs.href ? normalizeLinkUrl(attribs.href) : null;
        if (url) found.add(url);
      },
      close() {},
      text() {},
    });
  } catch {
    // Unparseable markup has no links worth indexing.
  }
  return [...found];
}
