/**
 * The oEmbed answer for a public status (`GET /api/oembed`), as Mastodon gives it: a `rich`
 * embed whose HTML is a blockquote linking the post, so it reads without any script.
 */
import type { AccountRow } from "../../db/accounts.ts";
import { escapeHtml } from "../../text/plain.ts";

/** Mastodon's default embed width and cache age. */
const DEFAULT_WIDTH = 400;
const CACHE_AGE = 86_400;

export function oembedJson(
  origin: string,
  author: AccountRow,
  statusUrl: string,
  maxWidth: number | null,
  maxHeight: number | null,
) {
  const host = new URL(origin).host;
  const authorUrl = author.url ?? `${origin}/@${author.username}`;
  const name = author.display_name || author.username;
  const html = `<blockquote class="mastodon-embed" data-embed-url="${
    escapeHtml(statusUrl)
  }"><a href="${escapeHtml(statusUrl)}" target="_blank">Post by @${
    escapeHtml(author.username)
  }@${escapeHtml(host)}</a></blockquote>`;
  return {
    type: "rich",
    version: "1.0",
    title: `New status by ${author.username}`,
    author_name: name,
    author_url: authorUrl,
    provider_name: host,
    provider_url: `${origin}/`,
    cache_age: CACHE_AGE,
    html,
    width: maxWidth ?? DEFAULT_WIDTH,
    height: maxHeight === null ? null : String(maxHeight),
  };
}
