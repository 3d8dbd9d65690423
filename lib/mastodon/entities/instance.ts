/**
 * The Instance entities (v2 and the v1 fallback). Clients switch features on by `version` and
 * `api_versions`, read the streaming URL and the posting limits from `configuration`.
 */
import type { Config } from "../../config.ts";
import type { InstanceStats } from "../../db/instance.ts";
import type { InstanceSettings, RuleRow } from "../../instance/mod.ts";
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
      min_age: null,
      url: null,
    },
    api_versions: { mastodon: 2 },
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
