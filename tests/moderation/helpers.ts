/** Moderation test helpers: users holding a built-in role, and Mastodon's admin entity lists. */
import type { TestInstance } from "../helpers/app.ts";
import {
  apiFetch,
  createUserWithToken,
  type TestUser,
} from "../helpers/users.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";

/** A user with a built-in role and a token that may use the admin API. */
export async function createStaff(
  instance: Pick<TestInstance, "deps">,
  username: string,
  role: keyof typeof BUILT_IN_ROLE_IDS,
  scopes = "read write follow push admin:read admin:write",
): Promise<TestUser> {
  const staff = await createUserWithToken(instance, username, { scopes });
  await instance.deps.sql`
    UPDATE users SET role_id = ${
    BUILT_IN_ROLE_IDS[role]
  } WHERE id = ${staff.user.id}`;
  staff.user.role_id = BUILT_IN_ROLE_IDS[role];
  return staff;
}

/**
 * The attributes Mastodon documents (docs.joinmastodon.org/entities/Admin_Report and
 * Admin_Account, Mastodon 4.5), every one of them: a response has exactly these, no more.
 * Admin::Account's optional `created_by_application_id` and `invited_by_account_id` appear only
 * when there is one, which Starling never has.
 */
export const ADMIN_REPORT_ATTRIBUTES = [
  "id",
  "action_taken",
  "action_taken_at",
  "category",
  "comment",
  "forwarded",
  "created_at",
  "updated_at",
  "account",
  "target_account",
  "assigned_account",
  "action_taken_by_account",
  "statuses",
  "rules",
];

export const ADMIN_ACCOUNT_ATTRIBUTES = [
  "id",
  "username",
  "domain",
  "created_at",
  "email",
  "ip",
  "role",
  "confirmed",
  "suspended",
  "silenced",
  "sensitized",
  "disabled",
  "approved",
  "locale",
  "invite_request",
  "ips",
  "account",
];

export const ROLE_ATTRIBUTES = [
  "id",
  "name",
  "permissions",
  "color",
  "highlighted",
];

/** `POST /api/v1/accounts` with an app's token, as from `ip` (X-Forwarded-For via loopback). */
export async function signUpThroughApi(
  instance: Pick<TestInstance, "fetch">,
  appToken: string,
  fields: Record<string, string | boolean>,
  ip?: string,
) {
  const response = await apiFetch(instance, appToken, "/api/v1/accounts", {
    body: { password: "a good password", agreement: true, ...fields },
    headers: ip ? { "x-forwarded-for": ip } : {},
  });
  return { status: response.status, body: await response.json() };
}

/**
 * The id of the first of each thing the admin pages manage, for tests that made one of each
 * (through the admin forms) and now visit their pages; "0" where there is none.
 */
export async function firstAdminIds(
  instance: Pick<TestInstance, "deps">,
): Promise<Record<AdminThing, string>> {
  const { sql } = instance.deps;
  const ids = {} as Record<AdminThing, string>;
  for (const [thing, table] of Object.entries(ADMIN_TABLES)) {
    const [row] = await sql<{ id: string }[]>`
      SELECT id::text FROM ${sql(table)} ORDER BY id LIMIT 1`;
    ids[thing as AdminThing] = row?.id ?? "0";
  }
  return ids;
}

const ADMIN_TABLES = {
  report: "reports",
  block: "domain_blocks",
  rule: "server_rules",
  announcement: "announcements",
  preset: "account_warning_presets",
  ip: "ip_blocks",
  emailDomain: "email_domain_blocks",
  address: "canonical_email_blocks",
  invite: "invites",
  emoji: "custom_emojis",
  subscription: "domain_block_subscriptions",
  strike: "account_warnings",
} as const;

type AdminThing = keyof typeof ADMIN_TABLES;
