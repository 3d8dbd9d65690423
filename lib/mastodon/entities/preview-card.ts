/**
 * The PreviewCard entity from a stored card (`lib/cards`). Where the page named no author or
 * provider address, the site's own address stands in (the schema wants URIs there), and
 * `embed_url` is the link itself; with an empty `author_name`, clients show no author.
 */
import type { PreviewCardRow } from "../../cards/mod.ts";
import type { PreviewCard } from "./types.ts";

export function previewCardJson(
  card: PreviewCardRow,
  mediaUrl: (key: string) => string,
): PreviewCard {
  const site = `${new URL(card.url).origin}/`;
  return {
    url: card.url,
    title: card.title,
    description: card.description,
    type: card.type,
    author_name: card.author_name,
    author_url: card.author_url || card.provider_url || site,
    provider_name: card.provider_name || new URL(card.url).host,
    provider_url: card.provider_url || site,
    html: "",
    width: card.image_width,
    height: card.image_height,
    image: card.image_key ? mediaUrl(card.image_key) : null,
    image_description: card.image_description,
    embed_url: card.url,
    blurhash: card.blurhash,
    published_at: card.published_at
      ? new Date(card.published_at).toISOString()
      : null,
    authors: [],
  };
}
