/**
 * The Instance entities (v2 and the v1 fallback). Clients switch features on by `version` and
 * `api_versions`, read the streaming URL and the posting limits from `configuration`.
 */
import type { Config } from "../../config.ts";
import type { InstanceStats } from "../../db/instance.ts";
import type { InstanceSettings, RuleRow } from "../../instance/mod.ts";
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

import {
  MASTODON_COMPATIBLE_VERSION,
  STARLING_VERSION,
} from "../../version.ts";

/** Mastodon-compatible, so clients enable what Mastodon 4.3 has. */
export const COMPATIBLE_VERSION =
  `${MASTODON_COMPATIBLE_VERSION} (compatible; Starling ${STARLING_VERSION})`;
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

/**
 * What the instance's admins set (lib/instance), as the entities need it: the settings, the
 * rules in force, whether terms of service exist.
 */
export interface InstanceAbout {
  settings: InstanceSettings;
  rules: RuleRow[];
  hasTerms: boolean;
}

/** Mastodon's Rule entity. */
export function ruleJson(rule: RuleRow) {
  return { id: String(rule.id), text: rule.text, hint: rule.hint };
}

/** Without a configured address: RFC 5321 has every mail domain answer `postmaster`. */
export function contactEmail(config: Config): string {
  return `postmaster@${new URL(config.origin).hostname}`;
}

/** The contact address an admin set, else `postmaster`. */
function contactEmailOf(config: Config, about: InstanceAbout): string {
  return about.settings.contactEmail ?? contactEmail(config);
}

function thumbnailUrl(config: Config, about: InstanceAbout): string {
  return about.settings.thumbnailUrl ??
    `${config.origin}/static/avatars/original/missing.png`;
}

export function instanceV2Json(
  config: Config,
  about: InstanceAbout,
  stats: InstanceStats,
  contactAccount: unknown | null,
  /** The Web Push public key (`Deps.vapid`), for `PushManager.subscribe`. */
  vapidPublicKey: string,
) {
  const { settings } = about;
  const mode = settings.registrationsMode;
  return {
    domain: config.host,
    title: settings.title,
    version: COMPATIBLE_VERSION,
    source_url: SOURCE_URL,
    description: settings.shortDescription,
    usage: { users: { active_month: stats.active_month } },
    thumbnail: {
      url: thumbnailUrl(config, about),
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
        privacy_policy: `${config.origin}/privacy-policy`,
        terms_of_service: about.hasTerms
          ? `${config.origin}/terms-of-service`
          : null,
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
      enabled: mode !== "closed",
      approval_required: mode === "approval",
      reason_required: mode === "approval" && settings.approvalRequiresReason,
      message: null,
      min_age: settings.minAge,
      url: null,
    },
    api_versions: { mastodon: MASTODON_API_VERSION },
    contact: { email: contactEmailOf(config, about), account: contactAccount },
    rules: about.rules.map(ruleJson),
  };
}

export function instanceV1Json(
  config: Config,
  about: InstanceAbout,
  stats: InstanceStats,
  contactAccount: unknown | null,
) {
  const { settings } = about;
  return {
    uri: config.host,
    title: settings.title,
    short_description: settings.shortDescription,
    description: settings.shortDescription,
    email: contactEmailOf(config, about),
    version: COMPATIBLE_VERSION,
    urls: { streaming_api: streamingOrigin(config.origin) },
    stats: {
      user_count: stats.user_count,
      status_count: stats.status_count,
      domain_count: stats.domain_count,
    },
    thumbnail: thumbnailUrl(config, about),
    languages: ["en"],
    registrations: settings.registrationsMode !== "closed",
    approval_required: settings.registrationsMode === "approval",
    invites_enabled: false,
    configuration: {
      accounts: { max_featured_tags: LIMITS.accounts.max_featured_tags },
      statuses: LIMITS.statuses,
      media_attachments: LIMITS.media_attachments,
      polls: LIMITS.polls,
    },
    contact_account: contactAccount,
    rules: about.rules.map(ruleJson),
  };
}
