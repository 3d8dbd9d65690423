/**
 * RSS 2.0 documents for the public feeds (`/@alice.rss`, `/tags/foo.rss`), built from the same
 * Status entities the API answers with. Every text goes through `xml()`: escaped, and stripped of
 * characters XML 1.0 cannot carry, so no post can break out of its element or make the feed
 * unparseable. Post HTML goes escaped into `<description>`, as feed readers expect; media as
 * Media RSS `<media:content>`.
 */
import type { Status } from "../mastodon/entities/types.ts";

/** What a feed item shows of a status. */
export type FeedStatus = Pick<
  Status,
  | "url"
  | "uri"
  | "created_at"
  | "spoiler_text"
  | "content"
  | "sensitive"
  | "media_attachments"
  | "tags"
>;

export const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";

// Control characters, lone surrogates and U+FFFE/U+FFFF are not allowed in XML 1.0 documents.
const NOT_XML =
  // deno-lint-ignore no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or attribute value. */
export function xml(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;")
    .replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page the feed mirrors. */
  link: string;
  /** The feed's own URL. */
  self: string;
  image?: string | null;
}

const MEDIUM: Record<string, string> = {
  image: "image",
  gifv: "video",
  video: "video",
  audio: "audio",
};

function item(status: FeedStatus): string {
  const link = status.url ?? status.uri;
  // A content warning stays in front of what it warns about.
  const body = status.spoiler_text
    ? `<p>${xml(status.spoiler_text)}</p><hr />${status.content}`
    : status.content;
  const media = status.media_attachments
    .flatMap((m) => m.url ? [{ ...m, url: m.url }] : [])
    .map((m) =>
      `<media:content url="${xml(m.url)}" medium="${
        MEDIUM[m.type] ?? "document"
      }">${
        m.description
          ? `<media:description type="plain">${
            xml(m.description)
          }</media:description>`
          : ""
      }${status.sensitive ? "<media:rating>adult</media:rating>" : ""}` +
      `</media:content>`
    ).join("");
  const tags = status.tags
    .map((t) => `<category>${xml(t.name)}</category>`).join("");
  return `<item><guid isPermaLink="true">${xml(link)}</guid><link>${
    xml(link)
  }</link><pubDate>${new Date(status.created_at).toUTCString()}</pubDate>` +
    `<description>${xml(body)}</description>${media}${tags}</item>`;
}

/** The whole RSS document. */
export function renderRss(
  channel: FeedChannel,
  statuses: FeedStatus[],
): string {
  const image = channel.image
    ? `<image><url>${xml(channel.image)}</url><title>${
      xml(channel.title)
    }</title><link>${xml(channel.link)}</link></image>`
    : "";
  const updated = statuses.length
    ? `<lastBuildDate>${
      new Date(statuses[0].created_at).toUTCString()
    }</lastBuildDate>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" ` +
    `xmlns:media="http://search.yahoo.com/mrss/"><channel>` +
    `<title>${xml(channel.title)}</title>` +
    `<description>${xml(channel.description)}</description>` +
    `<link>${xml(channel.link)}</link>` +
    `<atom:link href="${
      xml(channel.self)
    }" rel="self" type="application/rss+xml" />` +
    `${image}${updated}<generator>Starling</generator>` +
    statuses.map(item).join("") +
    `</channel></rss>\n`;
}

/** The feed as an HTTP response. */
export function rssResponse(body: string): Response {
  return new Response(body, {
    headers: {
      "content-type": RSS_CONTENT_TYPE,
      "x-content-type-options": "nosniff",
    },
  });
}
