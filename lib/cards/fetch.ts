/**
 * Making a preview card for a URL: the page fetched through the SSRF-guarded `pinnedFetch`
 * (redirects followed hop by hop, each hop checked), its head read (`parse.ts`), the oEmbed
 * document it points to read for what the head lacks, and its image downloaded (at most
 * Mastodon's 2 MB) and stored with the media. Null when the page gives nothing to show (not
 * HTML, an error status, no title, or an address we may not connect to).
 */
import type { Deps } from "../deps.ts";
import type { PreviewCardInput } from "../db/preview-cards.ts";
import { fetchFollowingRedirects } from "../net/mod.ts";
import { userAgentFor } from "../federation/names.ts";
import { CARD_IMAGE_MAX_BYTES, storeCardImage } from "../domain/media.ts";
import { parseOembed, parsePage } from "./parse.ts";

const MAX_PAGE_BYTES = 1048576;
const MAX_OEMBED_BYTES = 64 * 1024;
const MAX_REDIRECTS = 3;

export type CardFetchDeps = Pick<
  Deps,
  "config" | "resolveHost" | "media"
>;

export async function fetchCard(
  deps: CardFetchDeps,
  url: string,
): Promise<PreviewCardInput | null> {
  const page = await fetchOk(deps, url, "text/html", MAX_PAGE_BYTES);
  if (!page) return null;
  const type = page.response.headers.get("content-type") ?? "";
  if (!/^(text\/html|application\/xhtml\+xml)\b/i.test(type)) {
    await page.response.body?.cancel();
    return null;
  }
  const html = await readText(page.response);
  if (html === null) return null;
  const facts = parsePage(html, page.url);
  const oembed = facts.oembedUrl
    ? await fetchOembed(deps, facts.oembedUrl)
    : null;
  const title = facts.title || oembed?.title || "";
  if (!title) return null;
  const imageUrl = facts.imageUrl ?? oembed?.thumbnailUrl ?? null;
  const image = imageUrl ? await fetchImage(deps, imageUrl) : null;
  return {
    url,
    title,
    description: facts.description,
    type: facts.type,
    author_name: facts.authorName || oembed?.authorName || "",
    author_url: oembed?.authorUrl ?? "",
    provider_name: facts.siteName || oembed?.providerName || "",
    provider_url: oembed?.providerUrl ?? "",
    image_key: image?.key ?? null,
    image_width: image?.width ?? 0,
    image_height: image?.height ?? 0,
    image_description: image ? facts.imageDescription : "",
    blurhash: image?.blurhash ?? null,
    published_at: facts.publishedAt,
  };
}

/** GET `url`, following redirects; null for an error status or an address refused. */
async function fetchOk(
  deps: CardFetchDeps,
  url: string,
  accept: string,
  maxBytes: number,
): Promise<{ response: Response; url: string } | null> {
  let followed;
  try {
    followed = await fetchFollowingRedirects(
      new URL(url),
      (current) =>
        new Request(current, {
          headers: {
            accept,
            "user-agent": userAgentFor(deps.config.origin),
          },
        }),
      {
        allowPrivateAddress: deps.config.allowPrivateAddress,
        resolve: deps.resolveHost,
        maxBytes,
        maxRedirects: MAX_REDIRECTS,
      },
    );
  } catch {
    // Refused (a private address, too large, too many redirects), unresolvable or unreachable:
    // no card, as Mastodon's link crawler gives up at once (a post is not worth hammering a
    // site for).
    return null;
  }
  const { response, url: finalUrl } = followed;
  if (!response.ok) {
    await response.body?.cancel();
    return null;
  }
  return { response, url: finalUrl.href };
}

/** The body as text; null when it grew past the limit while reading. */
async function readText(response: Response): Promise<string | null> {
  try {
    return await response.text();
  } catch {
    return null; // past the limit, or the connection dropped
  }
}

async function fetchOembed(deps: CardFetchDeps, url: string) {
  const fetched = await fetchOk(
    deps,
    url,
    "application/json",
    MAX_OEMBED_BYTES,
  );
  const text = fetched ? await readText(fetched.response) : null;
  if (!text) return null;
  try {
    return parseOembed(JSON.parse(text), url);
  } catch {
    return null;
  }
}

async function fetchImage(deps: CardFetchDeps, url: string) {
  const fetched = await fetchOk(deps, url, "image/*", CARD_IMAGE_MAX_BYTES);
  if (!fetched) return null;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fetched.response.arrayBuffer());
  } catch {
    return null; // past the limit, or the connection dropped
  }
  return await storeCardImage(deps, bytes);
}
