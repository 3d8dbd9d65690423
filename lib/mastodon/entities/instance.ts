/**
 * The Instance entities (v2 and the v1 fallback). Clients switch features on by `version` and
 * `api_versions`, read the streaming URL and the posting limits from `configuration`.
 */
import type { Config } from "../../config.ts";
import type { InstanceStats } from "../../db/instance.ts";
import { MEDIA_LIMITS } from "../../media/limits.ts";

export const STARLING_VERSION = "0.1.0";
/** Mastodon-compatible, so clients enable what Mastodon 4.3 has. */
export const COMPATIBLE_VERSION =
  `4.3.0 (compatible; Starling ${STARLING_VERSION})`;
export const SOURCE_URL = "https://github.com/starling-social/starling";

export const LIMITS = {
  statuses: {
    max_characters: 500,
    max_media_attachments: 4,
    characters_reserved_per_url: 23,
  },
  // What lib/domain/media.ts accepts and enforces.
  media_attachments: MEDIA_LIMITS,
  polls: {
    max_options: 4,
    max_characters_per_option: 50,
    min_expiration: 300,
    max_expiration: 2_629_746,
  },
  accounts: {
    max_featured_tags: 10,
    max_pinned_statuses: 5,
    max_display_name_length: 30,
    max_note_length: 500,
    max_profile_fields: 4,
    profile_field_name_limit: 255,
    profile_field_value_limit: 255,
  },
} as const; // deno-fmt-ignore

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
    api_versions: { mastodon: 2 },
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
