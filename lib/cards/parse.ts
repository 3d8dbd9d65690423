/**
 * What a page says about itself, read from its HTML head: OpenGraph (`og:*`), else the
 * `<title>` and `description` meta, plus the oEmbed discovery link (oEmbed fills what OpenGraph
 * leaves out). Walked with the linear-time walker (`lib/text`), since the page is anyone's.
 */
import { walkHtml } from "../text/mod.ts";

export interface PageFacts {
  title: string;
  description: string;
  /** OpenGraph's `og:type` mapped to a card type: `video`, `photo` or `link`. */
  type: "link" | "photo" | "video";
  siteName: string;
  /** Absolute http(s) URLs, resolved against the page. */
  imageUrl: string | null;
  imageDescription: string;
  authorName: string;
  publishedAt: Date | null;
  oembedUrl: string | null;
}

/** Longest title and description kept (Mastodon's card columns). */
const MAX_TITLE = 1000;
const MAX_DESCRIPTION = 1000;

export function parsePage(html: string, pageUrl: string): PageFacts {
  const meta = new Map<string, string>();
  let title = "";
  let inTitle = false;
  let inHead = true;
  let oembedUrl: string | null = null;
  walkHtml(html, {
    open(name, attribs) {
      if (name === "body") inHead = false;
      if (!inHead) return;
      if (name === "title") inTitle = true;
      if (name === "meta") {
        const key = (attribs.property ?? attribs.name ?? "").toLowerCase();
        if (key && attribs.content !== undefined && !meta.has(key)) {
          meta.set(key, attribs.content);
        }
      }
      if (
        name === "link" && !oembedUrl &&
        (attribs.rel ?? "").toLowerCase().split(/\s+/).includes("alternate") &&
        (attribs.type ?? "").toLowerCase() === "application/json+oembed"
      ) {
        oembedUrl = absolute(attribs.href, pageUrl);
      }
    },
    close(name) {
      if (name === "title") inTitle = false;
    },
    text(text) {
      if (inTitle && inHead) title += text;
    },
  });
  const ogType = (meta.get("og:type") ?? "").toLowerCase();
  const published = meta.get("article:published_time");
  const publishedAt = published ? new Date(published) : null;
  return {
    title: clean(meta.get("og:title") ?? meta.get("twitter:title") ?? title)
      .slice(0, MAX_TITLE),
    description: clean(
      meta.get("og:description") ?? meta.get("twitter:description") ??
        meta.get("description") ?? "",
    ).slice(0, MAX_DESCRIPTION),
    type: ogType.startsWith("video")
      ? "video"
      : ogType === "photo"
      ? "photo"
      : "link",
    siteName: clean(meta.get("og:site_name") ?? ""),
    imageUrl: absolute(
      meta.get("og:image") ?? meta.get("og:image:url") ??
        meta.get("og:image:secure_url") ?? meta.get("twitter:image"),
      pageUrl,
    ),
    imageDescription: clean(
      meta.get("og:image:alt") ?? meta.get("twitter:image:alt") ?? "",
    ),
    authorName: clean(meta.get("author") ?? meta.get("article:author") ?? ""),
    publishedAt: publishedAt && !Number.isNaN(publishedAt.getTime())
      ? publishedAt
      : null,
    oembedUrl,
  };
}

/** The fields of an oEmbed JSON answer a card uses (everything else is left alone). */
export interface OembedFacts {
  title: string;
  authorName: string;
  authorUrl: string | null;
  providerName: string;
  providerUrl: string | null;
  thumbnailUrl: string | null;
}

export function parseOembed(body: unknown, oembedUrl: string): OembedFacts {
  const o = (body && typeof body === "object" ? body : {}) as Record<
    string,
    unknown
  >;
  const text = (key: string) =>
    typeof o[key] === "string" ? clean(o[key] as string) : "";
  return {
    title: text("title").slice(0, MAX_TITLE),
    authorName: text("author_name"),
    authorUrl: absolute(text("author_url"), oembedUrl),
    providerName: text("provider_name"),
    providerUrl: absolute(text("provider_url"), oembedUrl),
    thumbnailUrl: absolute(text("thumbnail_url"), oembedUrl),
  };
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function absolute(href: string | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "https:" || url.protocol === "http:"
      ? url.href
      : null;
  } catch {
    return null;
  }
}
