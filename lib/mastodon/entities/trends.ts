/**
 * Trends::Link, and the admin forms of trending tags, statuses and links (Mastodon's
 * REST::Admin::TagSerializer and Admin::Trends serializers add `requires_review`).
 *
 * A trending link shows the preview card fetched for it (a local post linked it, `lib/cards`);
 * without one, what the URL itself says: its host as provider and title, no image.
 * `author_url` and `embed_url` carry the provider's address and the link (the schema wants URIs
 * there); with an empty `author_name` and type `link`, clients show neither.
 */
import type { TrendRow } from "../../trends/mod.ts";
import type { PreviewCardRow } from "../../cards/mod.ts";
import { previewCardJson } from "./preview-card.ts";
import type { PublisherRow } from "../../db/trend-publishers.ts";
import type { FlaggedTagRow } from "../../db/admin-tags.ts";
import type { TagHistory } from "./tag.ts";
import { tagEntityJson } from "./tag.ts";

/** The card fetched for a trending link, if any, and how to address its image. */
export interface LinkCard {
  found: PreviewCardRow | undefined;
  mediaUrl: (key: string) => string;
}

export function trendsLinkJson(row: TrendRow, card?: LinkCard) {
  if (card?.found) {
    return {
      ...previewCardJson(card.found, card.mediaUrl),
      url: row.key,
      history: row.history,
    };
  }
  const url = new URL(row.key);
  const site = `${url.origin}/`;
  return {
    url: row.key,
    title: `${url.host}${url.pathname === "/" ? "" : url.pathname}`,
    description: "",
    type: "link",
    author_name: "",
    author_url: site,
    provider_name: url.host,
    provider_url: site,
    html: "",
    width: 0,
    height: 0,
    image: null,
    image_description: "",
    embed_url: row.key,
    blurhash: null,
    published_at: null,
    authors: [],
    history: row.history,
  };
}

/** Whether a moderator still has to decide (no review yet). */
const requiresReview = (row: { trendable: boolean | null }) =>
  row.trendable === null;

export function adminTrendsLinkJson(row: TrendRow, card?: LinkCard) {
  return {
    id: row.id,
    ...trendsLinkJson(row, card),
    requires_review: requiresReview(row),
  };
}

/** Admin::Tag (Mastodon 4.5): the Tag entity with what moderators decided about it. */
export function adminTagJson(
  tag: FlaggedTagRow,
  origin: string,
  history: TagHistory,
  trendable: boolean | null,
) {
  return {
    ...tagEntityJson(tag, origin, history),
    trendable: trendable === true,
    usable: tag.usable,
    listable: tag.listable,
    requires_review: requiresReview({ trendable }),
  };
}

/** Admin::Trends::Links::PreviewCardProvider: a site whose links may trend. */
export function adminPublisherJson(row: PublisherRow) {
  return {
    id: row.id,
    domain: row.host,
    trendable: row.trendable === true,
    reviewed_at: row.reviewed_at?.toISOString() ?? null,
    requested_review_at: row.trendable === null
      ? row.created_at.toISOString()
      : null,
    requires_review: requiresReview(row),
  };
}
