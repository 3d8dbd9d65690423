/**
 * A local user edits their profile (Mastodon's update_credentials rules): display name up to 30
 * characters, a bio up to 500 rendered to HTML like a status (links, mentions, hashtags), up to
 * four profile fields, the locked/bot/discoverable/indexable flags, and posting defaults.
 */
import { normalizeDomain } from "../text/domain.ts";
import type { Queryable, Sql } from "../db/client.ts";
import type { AccountRow, UserRow } from "../db/accounts.ts";
import {
  findAccountById,
  findAccountByUsername,
  findAccountsByIds,
  findUserByAccountId,
} from "../db/accounts.ts";
import * as db from "../db/profiles.ts";
import {
  profileSettings,
  type ProfileSettingsUpdate,
} from "./profile-settings.ts";
import { extractMentions, formatStatus } from "../text/compose.ts";
import { stripBidiControls } from "../text/plain.ts";
import type { Effects } from "./effects.ts";
import { invalid, notFound } from "./errors.ts";
import { isLocale } from "../i18n/mod.ts";

export const DISPLAY_NAME_MAX = 30;
export const NOTE_MAX = 500;
export const FIELDS_MAX = 4;
export const FIELD_NAME_MAX = 255;
export const FIELD_VALUE_MAX = 255;

/** The web UI's colour themes: the device's choice, light, dark, high contrast. */
export const THEMES = ["system", "light", "dark", "contrast"] as const;

export const VISIBILITIES = [
  "public",
  "unlisted",
  "private",
  "direct",
] as const;

export interface ProfileUpdate extends ProfileSettingsUpdate {
  displayName?: string;
  note?: string;
  locked?: boolean;
  bot?: boolean;
  discoverable?: boolean;
  indexable?: boolean;
  /** Replaces all fields; blank pairs are dropped. */
  fields?: { name?: string; value?: string }[];
  /** Paths or URLs of already stored images. */
  avatarUrl?: string | null;
  headerUrl?: string | null;
  privacy?: string;
  sensitive?: boolean;
  language?: string | null;
  /** The web UI's colours (`THEMES`). */
  theme?: string;
  /** The web UI's language (lib/i18n). */
  locale?: string;
}

export interface ProfileDeps {
  sql: Sql;
  effects: Effects;
  config: { origin: string };
}

export async function updateProfile(
  deps: ProfileDeps,
  login: { user: UserRow; account: AccountRow },
  update: ProfileUpdate,
): Promise<{ user: UserRow; account: AccountRow }> {
  const changes: db.ProfileChanges = {};
  if (update.displayName !== undefined) {
    // Shown beside the handle: no bidi controls that could reorder it (as for remote names).
    const name = stripBidiControls(update.displayName).trim();
    if ([...name].length > DISPLAY_NAME_MAX) {
      throw invalid(
        `Display name is too long (maximum is ${DISPLAY_NAME_MAX} characters)`,
      );
    }
    changes.display_name = name;
  }
  if (update.note !== undefined) {
    const note = update.note.trim();
    if ([...note].length > NOTE_MAX) {
      throw invalid(`Note is too long (maximum is ${NOTE_MAX} characters)`);
    }
    changes.note_source = note;
    changes.note = await renderText(deps, note);
  }
  for (const flag of ["locked", "bot", "discoverable", "indexable"] as const) {
    if (update[flag] !== undefined) changes[flag] = update[flag];
  }
  Object.assign(changes, profileSettings(update));
  if (update.fields !== undefined) {
    changes.fields = await renderFields(deps, update.fields);
  }
  if (update.avatarUrl !== undefined) changes.avatar_url = update.avatarUrl;
  if (update.headerUrl !== undefined) changes.header_url = update.headerUrl;

  const defaults: db.PostingDefaults = {};
  if (update.privacy !== undefined) {
    if (!(VISIBILITIES as readonly string[]).includes(update.privacy)) {
      throw invalid("Default privacy is not included in the list");
    }
    defaults.default_privacy = update.privacy;
  }
  if (update.sensitive !== undefined) {
    defaults.default_sensitive = update.sensitive;
  }
  if (update.theme !== undefined) {
    if (!(THEMES as readonly string[]).includes(update.theme)) {
      throw invalid("Theme is not included in the list");
    }
    defaults.theme = update.theme;
  }
  if (update.locale !== undefined) {
    if (!isLocale(update.locale)) {
      throw invalid("That interface language is not available");
    }
    defaults.locale = update.locale;
  }
  if (update.language !== undefined) {
    const language = update.language?.trim() || null;
    if (language && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(language)) {
      throw invalid("Default language is not a language code");
    }
    defaults.default_language = language;
  }

  return await deps.sql.begin(async (tx) => {
    const result = {
      account: await db.updateAccountProfile(tx, login.account.id, changes),
      user: await db.updatePostingDefaults(tx, login.user.id, defaults),
    };
    if (Object.keys(changes).length) {
      await deps.effects.record(tx, {
        type: "account.updated",
        accountId: login.account.id,
      });
    }
    return result;
  });
}

/** Plain text → HTML as for statuses: known accounts' mentions linked, hashtags, URLs. */
async function renderText(deps: ProfileDeps, text: string): Promise<string> {
  if (text === "") return "";
  const known = new Map<string, { url: string; id: string }>();
  for (const mention of extractMentions(text)) {
    const domain = mention.domain === new URL(deps.config.origin).host
      ? null
      : mention.domain;
    const account = await findAccountByUsername(
      deps.sql,
      mention.username,
      domain,
    );
    if (!account) continue;
    const url = account.domain === null
      ? `${deps.config.origin}/@${account.username}`
      : account.url ?? account.uri ?? "";
    known.set(`${mention.username.toLowerCase()}@${mention.domain ?? ""}`, {
      url,
      id: account.id,
    });
  }
  return formatStatus(text, {
    resolveMention: (username, domain) =>
      known.get(`${username.toLowerCase()}@${domain?.toLowerCase() ?? ""}`) ??
        null,
    tagUrl: (name) => `${deps.config.origin}/tags/${encodeURIComponent(name)}`,
  }).html;
}

async function renderFields(
  deps: ProfileDeps,
  fields: { name?: string; value?: string }[],
) {
  const kept = fields
    .map((f) => ({
      name: stripBidiControls(f.name ?? "").trim(),
      value: (f.value ?? "").trim(),
    }))
    .filter((f) => f.name !== "" || f.value !== "");
  if (kept.length > FIELDS_MAX) {
    throw invalid(`Fields is too long (maximum is ${FIELDS_MAX} entries)`);
  }
  const rendered = [];
  for (const field of kept) {
    if (
      [...field.name].length > FIELD_NAME_MAX ||
      [...field.value].length > FIELD_VALUE_MAX
    ) {
      throw invalid(
        `Fields are too long (maximum is ${FIELD_VALUE_MAX} characters each)`,
      );
    }
    // A field is one line: drop the paragraph wrapper the status formatter adds.
    const html = (await renderText(deps, field.value.replace(/\s*\n\s*/g, " ")))
      .replace(/^<p>/, "").replace(/<\/p>$/, "").replaceAll("</p><p>", " ");
    rendered.push({
      name: field.name,
      value: html,
      verified_at: null,
      value_source: field.value,
    });
  }
  return rendered;
}

/** An account anyone may see: 404 for unknown ids, as Mastodon does for suspended ones too. */
export async function findAccount(
  sql: Queryable,
  id: string,
): Promise<AccountRow> {
  const account = await findAccountById(sql, id);
  if (!account) throw notFound();
  return account;
}

/** `user` (local) or `user@domain` (known remote; our own host counts as local). */
export async function lookupAccount(
  sql: Queryable,
  acct: string,
  localHost: string,
): Promise<AccountRow> {
  const match = /^@?([^@\s]+)(?:@([^@\s]+))?$/.exec(acct.trim());
  if (!match) throw notFound();
  // Domains compare in punycode: `bob@Bücher.example` is `bob@xn--bcher-kva.example`.
  const host = match[2] ? normalizeDomain(match[2]) : null;
  const domain = host && host !== normalizeDomain(localHost) ? host : null;
  const account = await findAccountByUsername(sql, match[1], domain);
  if (!account || account.suspended_at) throw notFound();
  return account;
}

export async function findAccounts(
  sql: Queryable,
  ids: string[],
): Promise<AccountRow[]> {
  const valid = ids.filter((id) => /^\d{1,19}$/.test(id)).slice(0, 40);
  const rows = await findAccountsByIds(sql, valid);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return valid.map((id) => byId.get(id)).filter((row): row is AccountRow =>
    Boolean(row)
  );
}

export function findUserOfAccount(
  sql: Queryable,
  accountId: string,
): Promise<UserRow | null> {
  return findUserByAccountId(sql, accountId);
}

export function followedTags(
  sql: Queryable,
  accountId: string,
  page: { maxId?: string; sinceId?: string; minId?: string; limit: number },
) {
  return db.listFollowedTags(sql, accountId, page);
}

/** Account search over known accounts (no remote resolution here: that is federation's job). */
export function searchAccounts(
  sql: Queryable,
  input: {
    q: string;
    limit: number;
    offset: number;
    localHost: string;
    followedBy?: string;
  },
): Promise<AccountRow[]> {
  const match = /^@?([^@\s]*)(?:@([^@\s]+))?$/.exec(input.q.trim());
  if (!match || (match[1] === "" && !match[2])) {
    const text = input.q.trim();
    if (!text) return Promise.resolve([]);
    return db.searchAccounts(sql, {
      text,
      limit: input.limit,
      offset: input.offset,
      followedBy: input.followedBy,
    });
  }
  const domain = match[2] === undefined
    ? undefined
    : match[2].toLowerCase() === input.localHost.toLowerCase()
    ? null
    : match[2];
  return db.searchAccounts(sql, {
    text: match[1],
    domain,
    limit: input.limit,
    offset: input.offset,
    followedBy: input.followedBy,
  });
}
