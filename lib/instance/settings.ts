/**
 * The server's settings as admins edit them at /admin/settings (`manage_settings`): name,
 * descriptions, thumbnail, contact, registration mode, privacy policy, who sees the moderated
 * servers. Stored in the database and read per request (one small table), so every process
 * sees a change at once and nothing needs a restart. An unset key keeps its default; the
 * registration mode's default is the `REGISTRATIONS` environment variable.
 */
import type { Queryable } from "../db/client.ts";
import type { Deps } from "../deps.ts";
import { storeProfileImage } from "../domain/media.ts";
import type { Config, Registrations } from "../config.ts";
import { findAccountByUsername } from "../db/accounts.ts";
import { invalid } from "../domain/errors.ts";
import {
  type Actor,
  recordAction,
  requirePermission,
} from "../moderation/mod.ts";
import * as db from "./settings-db.ts";

export type DomainBlocksShown = "disabled" | "users" | "all";

export interface InstanceSettings {
  title: string;
  shortDescription: string;
  /** Plain text with blank lines between paragraphs (rendered by `text.ts`). */
  extendedDescription: string;
  extendedDescriptionUpdatedAt: Date | null;
  thumbnailUrl: string | null;
  /** A local username; null: the highest-ranked administrator is the contact. */
  contactUsername: string | null;
  contactEmail: string | null;
  registrationsMode: Registrations;
  /** With approval: whether the sign-up form insists on a reason. */
  approvalRequiresReason: boolean;
  /** Plain text; empty: the built-in policy. */
  privacyPolicy: string;
  privacyPolicyUpdatedAt: Date | null;
  showDomainBlocks: DomainBlocksShown;
  /**
   * The minimum age to sign up (Mastodon 4.4's `min_age`): sign-up then asks for a date of
   * birth and refuses anyone younger. Null: no age is asked.
   */
  minAge: number | null;
}

/** What an admin may set (every key optional: a form sends what it shows). */
export type SettingsInput = Partial<
  Omit<
    InstanceSettings,
    "extendedDescriptionUpdatedAt" | "privacyPolicyUpdatedAt"
  >
>;

export const DEFAULT_SHORT_DESCRIPTION =
  "A Starling server: short posts and pictures, federated with the fediverse.";

const KEYS = {
  title: "site_title",
  shortDescription: "site_short_description",
  extendedDescription: "site_extended_description",
  thumbnailUrl: "thumbnail_url",
  contactUsername: "site_contact_username",
  contactEmail: "site_contact_email",
  registrationsMode: "registrations_mode",
  approvalRequiresReason: "require_invite_text",
  privacyPolicy: "privacy_policy",
  showDomainBlocks: "show_domain_blocks",
  minAge: "min_age",
} as const satisfies Record<keyof SettingsInput, string>;

const MODES: readonly Registrations[] = ["open", "approval", "closed"];
const SHOWN: readonly DomainBlocksShown[] = ["disabled", "users", "all"];
const MAX_MIN_AGE = 100;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The settings now: stored values over the defaults (read per request; one small query). */
export async function instanceSettings(
  deps: { sql: Queryable; config: Config },
): Promise<InstanceSettings> {
  const rows = new Map(
    (await db.allSettings(deps.sql)).map((row) => [row.key, row]),
  );
  const value = <T>(key: string, fallback: T): T =>
    rows.has(key) ? rows.get(key)!.value as T : fallback;
  const { config } = deps;
  return {
    title: value(KEYS.title, "") || config.host,
    shortDescription: value(KEYS.shortDescription, "") ||
      DEFAULT_SHORT_DESCRIPTION,
    extendedDescription: value(KEYS.extendedDescription, ""),
    extendedDescriptionUpdatedAt: rows.get(KEYS.extendedDescription)
      ?.updated_at ?? null,
    thumbnailUrl: value<string | null>(KEYS.thumbnailUrl, null),
    contactUsername: value<string | null>(KEYS.contactUsername, null),
    contactEmail: value<string | null>(KEYS.contactEmail, null),
    registrationsMode: modeOf(rows.get(KEYS.registrationsMode)?.value, config),
    approvalRequiresReason: value(KEYS.approvalRequiresReason, false),
    privacyPolicy: value(KEYS.privacyPolicy, ""),
    privacyPolicyUpdatedAt: rows.get(KEYS.privacyPolicy)?.updated_at ?? null,
    showDomainBlocks: value(
      KEYS.showDomainBlocks,
      config.showDomainBlocks ?? "disabled",
    ),
    minAge: minAgeOf(rows.get(KEYS.minAge)?.value),
  };
}

/**
 * The registration mode now: what an admin chose at /admin/settings, else `REGISTRATIONS`.
 * Every sign-up path and everything that advertises the mode asks this one function.
 */
export async function registrationMode(
  deps: { sql: Queryable; config: { registrations: Registrations } },
): Promise<Registrations> {
  return modeOf(
    await db.settingValue(deps.sql, KEYS.registrationsMode),
    deps.config,
  );
}

/** The stored mode if an admin chose one, else the `REGISTRATIONS` default. */
function modeOf(
  stored: unknown,
  config: { registrations: Registrations },
): Registrations {
  return MODES.includes(stored as Registrations)
    ? stored as Registrations
    : config.registrations;
}

/** A stored minimum age, if it is one (a whole number of years). */
function minAgeOf(stored: unknown): number | null {
  return Number.isInteger(stored) && (stored as number) > 0
    ? stored as number
    : null;
}

/**
 * What sign-up needs to know: the mode, whether the admins ask for a reason when a sign-up
 * needs approval (whatever made it need one: the mode or an IP rule), and the minimum age.
 */
export async function registrationPolicy(
  deps: { sql: Queryable; config: { registrations: Registrations } },
): Promise<
  {
    mode: Registrations;
    approvalRequiresReason: boolean;
    minAge: number | null;
  }
> {
  const [mode, reason, minAge] = await Promise.all([
    registrationMode(deps),
    db.settingValue(deps.sql, KEYS.approvalRequiresReason),
    db.settingValue(deps.sql, KEYS.minAge),
  ]);
  return {
    mode,
    approvalRequiresReason: reason === true,
    minAge: minAgeOf(minAge),
  };
}

/**
 * Whether the moderated servers (`GET /api/v1/instance/domain_blocks`, /about) are shown to
 * this visitor: to nobody, to signed-in users, or to all.
 */
export function showsModeratedServers(
  settings: InstanceSettings,
  signedIn: boolean,
): boolean {
  return settings.showDomainBlocks === "all" ||
    (settings.showDomainBlocks === "users" && signedIn);
}

function checkInput(input: SettingsInput): SettingsInput {
  const checked: SettingsInput = { ...input };
  const trimmed = (s: string | null | undefined) => (s ?? "").trim();
  if (input.title !== undefined) {
    checked.title = trimmed(input.title);
    if ([...checked.title].length > 100) {
      throw invalid(
        "Server name is too long (maximum is 100 characters)",
        "title",
      );
    }
  }
  if (input.shortDescription !== undefined) {
    checked.shortDescription = trimmed(input.shortDescription);
    if ([...checked.shortDescription].length > 500) {
      throw invalid(
        "Short description is too long (maximum is 500 characters)",
        "shortDescription",
      );
    }
  }
  if (input.contactEmail !== undefined) {
    checked.contactEmail = trimmed(input.contactEmail) || null;
    if (checked.contactEmail && !EMAIL_PATTERN.test(checked.contactEmail)) {
      throw invalid("Contact e-mail is invalid", "contactEmail");
    }
  }
  if (input.contactUsername !== undefined) {
    checked.contactUsername =
      trimmed(input.contactUsername).replace(/^@/, "") || null;
  }
  if (
    input.registrationsMode !== undefined &&
    !MODES.includes(input.registrationsMode)
  ) {
    throw invalid(
      "Registrations mode is not included in the list",
      "registrationsMode",
    );
  }
  if (
    input.minAge !== undefined && input.minAge !== null &&
    !(Number.isInteger(input.minAge) && input.minAge > 0 &&
      input.minAge <= MAX_MIN_AGE)
  ) {
    throw invalid(
      `Minimum age must be a whole number of years from 1 to ${MAX_MIN_AGE}`,
      "minAge",
    );
  }
  if (
    input.showDomainBlocks !== undefined &&
    !SHOWN.includes(input.showDomainBlocks)
  ) {
    throw invalid(
      "Show domain blocks is not included in the list",
      "showDomainBlocks",
    );
  }
  return checked;
}

/**
 * Saves what an admin changed, with one audit-log entry naming the settings that changed.
 * A new thumbnail is stored with the media (as avatars are) and its URL saved.
 */
export async function updateSettings(
  deps: Deps,
  actor: Actor | null,
  input: SettingsInput,
  thumbnail?: { bytes: Uint8Array; type: string },
): Promise<void> {
  const { sql } = deps;
  const mod = requirePermission(actor, "manage_settings");
  const checked = checkInput(input);
  if (thumbnail) {
    checked.thumbnailUrl = await storeProfileImage(
      deps,
      "thumbnail",
      thumbnail.bytes,
      thumbnail.type,
    );
  }
  if (checked.contactUsername) {
    const account = await findAccountByUsername(
      sql,
      checked.contactUsername,
      null,
    );
    if (!account) {
      throw invalid(
        "Contact account is not a local account",
        "contactUsername",
      );
    }
    checked.contactUsername = account.username;
  }
  const entries: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(checked)) {
    if (value !== undefined) entries[KEYS[name as keyof SettingsInput]] = value;
  }
  await sql.begin(async (tx) => {
    const changed = await db.writeSettings(tx, entries);
    if (changed.length === 0) return;
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "update",
      targetType: "Settings",
      targetId: "0",
      humanIdentifier: changed.sort().join(", "),
    });
  });
}
