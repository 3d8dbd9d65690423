/**
 * The Instance entities (v2 and the v1 fallback). Clients switch features on by `version` and
 * `api_versions`, read the streaming URL and the posting limits from `configuration`.
 */
import type { Config } from "../../config.ts";
import type { InstanceStats } from "../../db/instance.ts";
import { MEDIA_LIMITS } from "../../media/limits.ts";
import { URL_LENGTH } from "../../text/compose.ts";
import {
  MAX_MEDIA,
  MAX_STATUS_LENGTH,
  POLL_LIMITS,
} from "../../domain/status-input.ts";
import { FEATURED_TAGS_MAX } from "../../domain/tags.ts";
import { MAX_PINS } from "../../domain/interactions.ts";
import {
  DISPLAY_NAME_MAX,
  FIELD_NAME_MAX,
  FIELD_VALUE_MAX,
  FIELDS_MAX,
  NOTE_MAX,
} from "../../domain/profiles.ts";
import { IMAGE_DESCRIPTION_MAX } from "../../domain/profile-settings.ts";

export const STARLING_VERSION = "0.1.0";
/** Mastodon-compatible, so clients enable what Mastodon 4.3 has. */
export const COMPATIBLE_VERSION =
  `4.3.0 (compatible; Starling ${STARLING_VERSION})`;
/**
 * Mastodon's API version (`api_versions.mastodon`) whose additions Starling has, each level
 * with all below it: 2 grouped notifications (4.3); 3 `attribution_domains`; 4 `DELETE
 * /api/v1/media/:id` and `delete_media`; 5 `filter_action: blur` (4.4). Not 7 (quote posts,
 * 4.5) nor 8 (annual reports besides `/api/v1/profile`, 4.6); 6 has no documented addition.
 */
export const MASTODON_API_VERSION = 5;
export const SOURCE_URL = "https://github.com/starling-social/starling";

/**
 * What `configuration` advertises, read from the constants the rules enforce, so the two can't
 * drift apart (tests/api/instance-truth.test.ts checks each limit against the API).
 */
export const LIMITS = {
  statuses: {
    max_characters: MAX_STATUS_LENGTH,
    max_media_attachments: MAX_MEDIA,
    characters_reserved_per_url: URL_LENGTH,
  },
  // What lib/domain/media.ts accepts and enforces.
  media_attachments: MEDIA_LIMITS,
  polls: {
    max_options: POLL_LIMITS.maxOptions,
    max_characters_per_option: POLL_LIMITS.maxOptionLength,
    min_expiration: POLL_LIMITS.minExpiration,
    max_expiration: POLL_LIMITS.maxExpiration,
  },
  accounts: {
    max_featured_tags: FEATURED_TAGS_MAX,
    max_pinned_statuses: MAX_PINS,
    max_display_name_length: DISPLAY_NAME_MAX,
    max_note_length: NOTE_MAX,
    max_profile_fields: FIELDS_MAX,
    profile_field_name_limit: FIELD_NAME_MAX,
    profile_field_value_limit: FIELD_VALUE_MAX,
    max_avatar_description_length: IMAGE_DESCRIPTION_MAX,
    max_header_description_length: IMAGE_DESCRIPTION_MAX,
  },
} as const;

function streamingOrigin(origin: string): string {
  return origin.replace(/^http/, "ws");
}

function title(config: Config): string {
  return config.host;
}

/** No contact address is configured yet; RFC 5321 has every mail domain answer `postmaster`. */
export function contactEmail(config: Config): string {
  return `postmaster@${new URL(config.origin).hostname}`;
}

const DESCRIPTION =
  "A Starling server: short posts and pictures, federated with the fediverse.";

export function instanceV2Json(
  config: Config,
  stats: InstanceStats,
  contactAccount: unknown | null,
  /** The Web Push public key (`Deps.vapid`), for `PushManager.subscribe`. */
  vapidPublicKey: string,
) {
  return {
    domain: config.host,
    title: title(config),
    version: COMPATIBLE_VERSION,
    source_url: SOURCE_URL,
    description: DESCRIPTION,
    usage: { users: { active_month: stats.active_month } },
    thumbnail: {
      url: `${config.origin}/static/avatars/original/missing.png`,
      blurhash: null,
      versions: {},
    },
    icon: [],
    languages: ["en"],
    configuration: {
      urls: {
        streaming: streamingOrigin(config.origin),
        status: null,
        about: `${config.origin}/about`,
        privacy_policy: null,
        terms_of_service: null,
      },
      vapid: { public_key: vapidPublicKey },
      accounts: LIMITS.accounts,
      statuses: LIMITS.statuses,
      media_attachments: LIMITS.media_attachments,
      polls: LIMITS.polls,
      translation: { enabled: false },
      limited_federation: false,
    },
    registrations: {
      enabled: config.registrations !== "closed",
      approval_required: config.registrations === "approval",
      reason_required: config.registrations === "approval",
      message: null,
      min_age: null,
      url: null,
    },
    api_versions: { mastodon: MASTODON_API_VERSION },
    contact: { email: contactEmail(config), account: contactAccount },
    rules: [],
  };
}

export function instanceV1Json(
  config: Config,
  stats: InstanceStats,
  contactAccount: unknown | null,
) {
  return {
    uri: config.host,
    title: title(config),
    short_description: DESCRIPTION,
    description: DESCRIPTION,
    email: contactEmail(config),
    version: COMPATIBLE_VERSION,
    urls: { streaming_api: streamingOrigin(config.origin) },
    stats: {
      user_count: stats.user_count,
      status_count: stats.status_count,
      domain_count: stats.domain_count,
    },
    thumbnail: `${config.origin}/static/avatars/original/missing.png`,
    languages: ["en"],
    registrations: config.registrations !== "closed",
    approval_required: config.registrations === "approval",
    invites_enabled: false,
    configuration: {
      accounts: { max_featured_tags: LIMITS.accounts.max_featured_tags },
      statuses: LIMITS.statuses,
      media_attachments: LIMITS.media_attachments,
      polls: LIMITS.polls,
    },
    contact_account: contactAccount,
    rules: [],
  };
}
