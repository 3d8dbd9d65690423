/**
 * A local user's plain-text status → HTML, as Mastodon's `TextFormatter`
 * does it: paragraphs, line breaks, linkified URLs with shortened display,
 * mentions and hashtags; plus the extractors and Mastodon's length count.
 *
 * @module
 */
import { escapeHtml } from "./plain.ts";
import { normalizeDomain } from "./domain.ts";

/** What `formatStatus` needs from the caller. */
export interface FormatOptions {
  /** Finds the account `@username` (local when `domain` is undefined). */
  resolveMention(
    username: string,
    domain?: string,
  ): { url: string; id: string } | null;
  /**
   * The URL of a hashtag's page, given its normalised name; null leaves it plain text (a tag
   * moderators made unusable).
   */
  tagUrl(name: string): string | null;
}

/** A mention found in the text (domain normalised; null when none given). */
export interface ExtractedMention {
  username: string;
  domain: string | null;
}

/** A mention that was resolved and linked. */
export interface FormattedMention extends ExtractedMention {
  url: string;
  id: string;
}

export interface FormattedStatus {
  html: string;
  mentions: FormattedMention[];
  /** Normalised (NFKC, lowercase), unique, in order of appearance. */
  tags: string[];
  /** Linkified URLs as written, unique, in order of appearance. */
  links: string[];
}

type Token =
  | { type: "text"; text: string }
  | { type: "url"; text: string }
  | { type: "mention"; text: string; username: string; domain: string | null }
  | { type: "hashtag"; text: string; name: string };

/** Mastodon counts every URL as this many characters. */
export const URL_LENGTH = 23;
const MAX_DISPLAY = 30;

// URLs: http(s) only, not glued to a preceding word, @, # or $.
const URL_RE = /(?<![\p{L}\p{M}\p{N}_@$#＠＃])https?:\/\/[^\s<>"\u3000]+/giu;
// Mentions (Mastodon's Account::MENTION_RE) and hashtags (Tag::HASHTAG_RE,
// simplified): not preceded by a word character, `=` or `/`, so e-mail
// addresses and URL fragments are not mentions or tags.
const ENTITY_RE = new RegExp(
  String
    .raw`(?<![=/\p{L}\p{M}\p{N}_])@([a-z0-9_]+(?:[a-z0-9_.\-]+[a-z0-9_]+)?)` +
    // A port after the domain (`@user@host:8443`) is kept: handles carry it.
    String
      .raw`(?:@([\p{L}\p{M}\p{N}_]+(?:[.\-][\p{L}\p{M}\p{N}_]+)*(?::\d{1,5}(?!\d))?))?` +
    String.raw`|(?<![=/)&\p{L}\p{M}\p{N}_])[#＃]([\p{L}\p{M}\p{Nd}_]+)`,
  "giu",
);

const TRAILING_PUNCT = /^[.,:;!?'"*…。、，！？]$/u;

/** Trims trailing punctuation and unbalanced closing brackets off a URL. */
function trimUrl(url: string): string {
  let end = url.length;
  let parens = count(url, "(") - count(url, ")");
  let brackets = count(url, "[") - count(url, "]");
  for (; end > 0; end--) {
    const last = url[end - 1];
    if (TRAILING_PUNCT.test(last)) continue;
    if (last === ")" && parens < 0) {
      parens++;
      continue;
    }
    if (last === "]" && brackets < 0) {
      brackets++;
      continue;
    }
    break;
  }
  return url.slice(0, end);
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

function validUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.hostname.includes(".") || u.hostname.startsWith("[");
  } catch {
    return false;
  }
}

function validTag(name: string): boolean {
  if (/\p{L}/u.test(name)) return true;
  // All digits and underscores: a tag only with an inner underscore (`1_2`).
  return /^[\p{Nd}_]+$/u.test(name) && /[^_]_+[^_]/u.test(name);
}

/** Lowercase NFKC form used to store and compare hashtags. */
export function normalizeHashtag(name: string): string {
  return name.normalize("NFKC").toLowerCase();
}

function tokenize(text: string): Token[] {
  const spans: { start: number; end: number; token: Token }[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = trimUrl(m[0]);
    if (!validUrl(url)) continue;
    spans.push({
      start: m.index,
      end: m.index + url.length,
      token: { type: "url", text: url },
    });
  }
  const urls = spans.slice();
  let u = 0; // entity matches come in order, so walk the URL list once
  const inUrl = (start: number, end: number) => {
    while (u < urls.length && urls[u].end <= start) u++;
    return u < urls.length && end > urls[u].start;
  };
  for (const m of text.matchAll(ENTITY_RE)) {
    const start = m.index, end = start + m[0].length;
    if (inUrl(start, end)) continue;
    if (m[1] !== undefined) {
      let domain: string | null = null;
      if (m[2] !== undefined) domain = normalizeDomain(m[2]);
      spans.push({
        start,
        end,
        token: { type: "mention", text: m[0], username: m[1], domain },
      });
    } else if (validTag(m[3])) {
      spans.push({
        start,
        end,
        token: { type: "hashtag", text: m[0], name: m[3] },
      });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const tokens: Token[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue; // overlap: the earlier entity wins
    if (s.start > pos) {
      tokens.push({ type: "text", text: text.slice(pos, s.start) });
    }
    tokens.push(s.token);
    pos = s.end;
  }
  if (pos < text.length) tokens.push({ type: "text", text: text.slice(pos) });
  return tokens;
}

function unique<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const mentionKey = (m: ExtractedMention) =>
  `${m.username.toLowerCase()}@${m.domain ?? ""}`;

/** `http(s)` URLs in the text, as written, unique, in order. */
export function extractUrls(text: string): string[] {
  return unique(
    tokenize(String(text ?? "")).flatMap((t) =>
      t.type === "url" ? [t.text] : []
    ),
    (u) => u,
  );
}

/** `@user` and `@user@domain` mentions (not e-mail addresses), unique. */
export function extractMentions(text: string): ExtractedMention[] {
  return unique(
    tokenize(String(text ?? "")).flatMap((t) =>
      t.type === "mention" ? [{ username: t.username, domain: t.domain }] : []
    ),
    mentionKey,
  );
}

/** Hashtags, normalised (NFKC, lowercase), unique, in order. */
export function extractHashtags(text: string): string[] {
  return unique(
    tokenize(String(text ?? "")).flatMap((t) =>
      t.type === "hashtag" ? [normalizeHashtag(t.name)] : []
    ),
    (t) => t,
  );
}

/**
 * Status length as Mastodon counts it: code points, with every URL counting
 * as 23 and `@user@domain` counting as `@user`.
 */
export function countStatusLength(text: string): number {
  let n = 0;
  for (const t of tokenize(String(text ?? ""))) {
    if (t.type === "url") n += URL_LENGTH;
    else if (t.type === "mention") n += 1 + codePoints(t.username);
    else n += codePoints(t.text);
  }
  return n;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const URL_PREFIX_RE = /^(?:https?:\/\/(?:www\.)?|xmpp:)/i;

/** Mastodon's shortened link: invisible scheme, 30 visible characters. */
export function linkHtml(url: string): string {
  const prefix = URL_PREFIX_RE.exec(url)?.[0] ?? "";
  const rest = Array.from(url.slice(prefix.length));
  const display = rest.slice(0, MAX_DISPLAY).join("");
  const suffix = rest.slice(MAX_DISPLAY).join("");
  const cls = rest.length > MAX_DISPLAY ? ' class="ellipsis"' : "";
  return `<a href="${
    escapeHtml(url)
  }" rel="nofollow noopener" target="_blank" translate="no">` +
    `<span class="invisible">${escapeHtml(prefix)}</span>` +
    `<span${cls}>${escapeHtml(display)}</span>` +
    `<span class="invisible">${escapeHtml(suffix)}</span></a>`;
}

/**
 * Formats a local user's plain-text status as HTML. Paragraphs split on
 * blank lines, single newlines become `<br>`, text is escaped, URLs are
 * linkified, resolvable mentions and all hashtags are linked.
 */
export function formatStatus(
  text: string,
  options: FormatOptions,
): FormattedStatus {
  const source = String(text ?? "").replace(/\r\n?/g, "\n").trim();
  const mentions: FormattedMention[] = [];
  const tags: string[] = [];
  const links: string[] = [];
  const resolved = new Map<string, { url: string; id: string } | null>();
  const paragraphs = source === "" ? [] : source.split(/\n[ \t]*(?:\n\s*)+/);
  const html = paragraphs.map((para) => {
    let inner = "";
    for (const t of tokenize(para)) {
      switch (t.type) {
        case "text":
          inner += escapeHtml(t.text).replace(/\n/g, "<br>");
          break;
        case "url":
          inner += linkHtml(t.text);
          links.push(t.text);
          break;
        case "hashtag": {
          const name = normalizeHashtag(t.name);
          const url = options.tagUrl(name);
          if (url === null) {
            inner += escapeHtml(t.text);
            break;
          }
          tags.push(name);
          inner += `<a href="${
            escapeHtml(url)
          }" class="mention hashtag" rel="tag">#<span>${
            escapeHtml(t.name)
          }</span></a>`;
          break;
        }
        case "mention": {
          const m = { username: t.username, domain: t.domain };
          const key = mentionKey(m);
          if (!resolved.has(key)) {
            resolved.set(
              key,
              options.resolveMention(t.username, t.domain ?? undefined),
            );
          }
          const account = resolved.get(key);
          if (!account) {
            inner += escapeHtml(t.text);
            break;
          }
          mentions.push({ ...m, url: account.url, id: account.id });
          inner += `<span class="h-card" translate="no"><a href="${
            escapeHtml(account.url)
          }" class="u-url mention">@<span>${
            escapeHtml(t.username)
          }</span></a></span>`;
          break;
        }
      }
    }
    return `<p>${inner}</p>`;
  }).join("");
  return {
    html,
    mentions: unique(mentions, mentionKey),
    tags: unique(tags, (t) => t),
    links: unique(links, (u) => u),
  };
}
