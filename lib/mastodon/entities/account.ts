/**
 * The Account, CredentialAccount and Relationship entities, shaped as Mastodon 4.3 renders them
 * (docs.joinmastodon.org/entities/Account): string ids, `acct` without the domain for local
 * accounts, dates at midnight for `created_at`, a day for `last_status_at`, and default images.
 */
import type { AccountRow, UserRow } from "../../db/accounts.ts";
import type { RelationshipRow } from "../../db/relationships.ts";
import type {
  Account,
  CredentialAccount,
  CustomEmoji,
  Relationship,
} from "./types.ts";
import type { Role } from "../../moderation/mod.ts";
import { accountRolesJson, roleJson } from "./role.ts";
import type { Queryable } from "../../db/client.ts";
import {
  accountEmojis,
  accountEmojiSource,
  EmojiIndex,
} from "../../emoji/mod.ts";

export const DEFAULT_AVATAR_PATH = "/static/avatars/original/missing.png";
export const DEFAULT_HEADER_PATH = "/static/headers/original/missing.png";

/** A local account's ActivityPub id, as Mastodon spells it. */
export function localActorUri(origin: string, username: string): string {
  return `${origin}/users/${username}`;
}

export function localProfileUrl(origin: string, username: string): string {
  return `${origin}/@${username}`;
}

/** A stored image's URL made absolute (`fallback` when there is none; null allowed). */
export function absolute<F extends string | null>(
  origin: string,
  url: string | null,
  fallback: F,
): string | F {
  if (!url) return fallback === null ? fallback : `${origin}${fallback}`;
  return url.startsWith("/") ? `${origin}${url}` : url;
}

/** Mastodon shows only the day an account was made, as midnight UTC. */
function midnight(date: Date): string {
  return `${date.toISOString().slice(0, 10)}T00:00:00.000Z`;
}

export interface AccountField {
  name: string;
  value: string;
  verified_at?: string | null;
  /** What a local user typed (the `value` is its HTML rendering). */
  value_source?: string;
}

/**
 * `role`: the account's user's role, when the caller loaded it (shown in `roles` if highlighted);
 * `emojis`: the custom emoji its name, bio and fields show, when the caller loaded them
 * (lib/emoji `accountEmojis`).
 */
export function accountJson(
  account: AccountRow,
  origin: string,
  role?: Role | null,
  emojis: CustomEmoji[] = [],
): Account {
  const local = account.domain === null;
  const avatar = absolute(origin, account.avatar_url, DEFAULT_AVATAR_PATH);
  const header = absolute(origin, account.header_url, DEFAULT_HEADER_PATH);
  const suspended = account.suspended_at !== null;
  return {
    id: account.id,
    username: account.username,
    acct: local ? account.username : `${account.username}@${account.domain}`,
    display_name: suspended ? "" : account.display_name,
    locked: account.locked,
    bot: account.bot || account.actor_type === "Service" ||
      account.actor_type === "Application",
    discoverable: account.discoverable,
    indexable: account.indexable,
    group: account.actor_type === "Group",
    created_at: midnight(account.created_at),
    note: suspended ? "" : account.note,
    url: local
      ? localProfileUrl(origin, account.username)
      : account.url ?? account.uri ?? "",
    uri: local ? localActorUri(origin, account.username) : account.uri ?? "",
    avatar: suspended ? `${origin}${DEFAULT_AVATAR_PATH}` : avatar,
    avatar_static: suspended ? `${origin}${DEFAULT_AVATAR_PATH}` : avatar,
    header: suspended ? `${origin}${DEFAULT_HEADER_PATH}` : header,
    header_static: suspended ? `${origin}${DEFAULT_HEADER_PATH}` : header,
    followers_count: suspended ? 0 : account.followers_count,
    following_count: suspended ? 0 : account.following_count,
    statuses_count: suspended ? 0 : account.statuses_count,
    last_status_at: account.last_status_at
      ? account.last_status_at.toISOString().slice(0, 10)
      : null,
    hide_collections: account.hide_collections,
    noindex: !account.indexable,
    emojis: suspended ? [] : emojis,
    roles: accountRolesJson(role),
    fields: suspended
      ? []
      : (account.fields as AccountField[]).map((field) => ({
        name: field.name,
        value: field.value,
        verified_at: field.verified_at ?? null,
      })),
    ...(suspended ? { suspended: true } : {}),
  };
}

/** The `source` of a CredentialAccount: what the user typed, and their posting defaults. */
export function accountSourceJson(
  account: AccountRow,
  user: UserRow,
  followRequestsCount: number,
): CredentialAccount["source"] {
  return {
    privacy: user.default_privacy,
    sensitive: user.default_sensitive,
    language: user.default_language ?? "",
    note: account.note_source,
    fields: (account.fields as AccountField[]).map((field) => ({
      name: field.name,
      value: field.value_source ?? field.value,
      verified_at: field.verified_at ?? null,
    })),
    follow_requests_count: followRequestsCount,
    hide_collections: account.hide_collections,
    attribution_domains: account.attribution_domains,
    discoverable: account.discoverable,
    indexable: account.indexable,
  };
}

/** The signed-in user's own account, with `source` (what they typed) and `role`. */
export function credentialAccountJson(
  account: AccountRow,
  user: UserRow,
  origin: string,
  followRequestsCount: number,
  role: Role,
  emojis: CustomEmoji[] = [],
): CredentialAccount {
  return {
    ...accountJson(account, origin, role, emojis),
    source: accountSourceJson(account, user, followRequestsCount),
    role: roleJson(role),
  };
}

export function relationshipJson(row: RelationshipRow): Relationship {
  return {
    id: row.id,
    following: row.following,
    showing_reblogs: row.showing_reblogs,
    notifying: row.notifying,
    languages: row.languages,
    followed_by: row.followed_by,
    blocking: row.blocking,
    blocked_by: row.blocked_by,
    muting: row.muting,
    muting_notifications: row.muting_notifications,
    muting_expires_at: row.muting_expires_at?.toISOString() ?? null,
    requested: row.requested,
    requested_by: row.requested_by,
    domain_blocking: row.domain_blocking,
    endorsed: row.endorsed,
    note: row.note,
  };
}

/** Accounts as entities with the custom emoji of their names and bios (one query for all). */
export async function renderAccounts(
  options: {
    sql: Queryable;
    origin: string;
    mediaUrl?: (key: string) => string;
  },
  rows: AccountRow[],
): Promise<Account[]> {
  const emojis = await EmojiIndex.load(
    options.sql,
    options.mediaUrl ?? ((key) => `${options.origin}/media/${key}`),
    rows.map(accountEmojiSource),
  );
  return rows.map((row) =>
    accountJson(row, options.origin, undefined, accountEmojis(emojis, row))
  );
}
