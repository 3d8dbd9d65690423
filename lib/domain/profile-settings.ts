/**
 * The profile settings Mastodon 4.4–4.6 added (`/api/v1/profile`, update_credentials): image
 * descriptions, which profile tabs the user wishes shown, whether their followers and follows
 * lists are hidden, and the websites allowed to credit them as an author. Part of `updateProfile` in `profiles.ts`.
 */
import type * as db from "../db/profiles.ts";
import { normalizeDomain } from "../text/domain.ts";
import { invalid } from "./errors.ts";

/** Avatar and header descriptions: as long as a media description may be. */
export const IMAGE_DESCRIPTION_MAX = 1500;
/** Mastodon's cap on `attribution_domains`. */
export const ATTRIBUTION_DOMAINS_MAX = 10;

export interface ProfileSettingsUpdate {
  avatarDescription?: string;
  headerDescription?: string;
  showMedia?: boolean;
  showMediaReplies?: boolean;
  showFeatured?: boolean;
  hideCollections?: boolean;
  /** Host names; a leading `*.` is dropped (subdomains are always allowed). */
  attributionDomains?: string[];
}

/** The columns an update of these settings changes; throws on what Mastodon refuses. */
export function profileSettings(
  update: ProfileSettingsUpdate,
): db.ProfileChanges {
  const changes: db.ProfileChanges = {};
  for (
    const [key, column] of [
      ["avatarDescription", "avatar_description"],
      ["headerDescription", "header_description"],
    ] as const
  ) {
    const text = update[key]?.trim();
    if (text === undefined) continue;
    if ([...text].length > IMAGE_DESCRIPTION_MAX) {
      throw invalid(
        `Description is too long (maximum is ${IMAGE_DESCRIPTION_MAX} characters)`,
        column,
      );
    }
    changes[column] = text;
  }
  if (update.showMedia !== undefined) changes.show_media = update.showMedia;
  if (update.showMediaReplies !== undefined) {
    changes.show_media_replies = update.showMediaReplies;
  }
  if (update.hideCollections !== undefined) {
    changes.hide_collections = update.hideCollections;
  }
  if (update.showFeatured !== undefined) {
    changes.show_featured = update.showFeatured;
  }
  if (update.attributionDomains !== undefined) {
    const domains = [
      ...new Set(
        update.attributionDomains.map((d) =>
          normalizeDomain(d.replace(/^\*\./, ""))
        ).filter(Boolean),
      ),
    ];
    if (domains.length > ATTRIBUTION_DOMAINS_MAX) {
      throw invalid(
        `Attribution domains is too long (maximum is ${ATTRIBUTION_DOMAINS_MAX} entries)`,
        "attribution_domains",
      );
    }
    if (domains.some((d) => !/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(d))) {
      throw invalid(
        "Attribution domains are not valid domains",
        "attribution_domains",
      );
    }
    changes.attribution_domains = domains;
  }
  return changes;
}
