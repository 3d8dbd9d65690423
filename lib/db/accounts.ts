/** SQL for accounts (local and remote), their keys, and login users. Rows mirror the columns. */
import type { Queryable } from "./client.ts";

export interface AccountRow {
  id: string;
  username: string;
  domain: string | null;
  display_name: string;
  note: string;
  note_source: string;
  uri: string | null;
  url: string | null;
  avatar_url: string | null;
  header_url: string | null;
  locked: boolean;
  bot: boolean;
  discoverable: boolean;
  indexable: boolean;
  fields: { name: string; value: string; verified_at?: string | null }[];
  also_known_as: string[];
  moved_to_account_id: string | null;
  /** When a local account last moved away (migration 0029): one move per 30 days. */
  moved_at: Date | null;
  actor_type: string;
  inbox_url: string | null;
  shared_inbox_url: string | null;
  outbox_url: string | null;
  followers_url: string | null;
  following_url: string | null;
  featured_url: string | null;
  public_key_pem: string | null;
  public_key_id: string | null;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  last_status_at: Date | null;
  suspended_at: Date | null;
  /** Limited by a moderator (migration 0012): hidden from non-followers' public views. */
  silenced_at: Date | null;
  /** Its media are always marked sensitive (migration 0012). */
  sensitized_at: Date | null;
  /** 'local' or 'remote' while suspended (migration 0012): whose suspension it is. */
  suspension_origin: string | null;
  fetched_at: Date | null;
  /** Profile settings (migration 0019), edited through /api/v1/profile. */
  /** Followers and follows lists shown to the account alone (API, web, ActivityPub). */
  hide_collections: boolean;
  avatar_description: string;
  header_description: string;
  show_media: boolean;
  show_media_replies: boolean;
  show_featured: boolean;
  attribution_domains: string[];
  created_at: Date;
  updated_at: Date;
}

export interface UserRow {
  id: string;
  account_id: string;
  email: string;
  password_hash: string;
  /** The user's role (`user_roles`); null: none beyond "everyone" (lib/moderation). */
  role_id: string | null;
  locale: string;
  approved: boolean;
  disabled: boolean;
  registration_reason: string | null;
  /** The invite the user signed up with (lib/moderation/invites.ts). */
  invite_id: string | null;
  /** The client's address at sign-up (none for accounts the operator made). */
  sign_up_ip: string | null;
  default_privacy: string;
  default_sensitive: boolean;
  default_language: string | null;
  /** The web UI's colours: "system", "light", "dark" or "contrast". */
  theme: string;
  sign_in_count: number;
  last_sign_in_at: Date | null;
  /** Null until the e-mail address is confirmed (lib/mail). */
  confirmed_at: Date | null;
  /** Notification e-mails chosen per type; absent types take the default (lib/mail). */
  notification_emails: Record<string, boolean>;
  /** The user asked to delete their account: it goes after this (migration 0029). */
  delete_after: Date | null;
  created_at: Date;
  updated_at: Date;
}

export async function findAccountById(
  db: Queryable,
  id: string,
): Promise<AccountRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<AccountRow[]>`SELECT * FROM accounts WHERE id = ${id}`;
  return row ?? null;
}

export async function findAccountsByIds(
  db: Queryable,
  ids: string[],
): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return await db<
    AccountRow[]
  >`SELECT * FROM accounts WHERE id = ANY(${ids}::bigint[])`;
}

/** `domain` null finds a local account. Comparison is case-insensitive, as usernames are. */
export async function findAccountByUsername(
  db: Queryable,
  username: string,
  domain: string | null,
): Promise<AccountRow | null> {
  const [row] = await db<AccountRow[]>`
    SELECT * FROM accounts
    WHERE lower(username) = lower(${username})
      AND coalesce(lower(domain), '') = lower(${domain ?? ""})`;
  return row ?? null;
}

/** Whom a post mentions: one of our accounts by username, or any account by actor URI. */
export type MentionTarget = { localUsername: string } | { uri: string };

/**
 * The ids of the known accounts among `targets`, in their order, in one query (unknown ones are
 * left out).
 */
export async function findMentionedAccountIds(
  db: Queryable,
  targets: MentionTarget[],
): Promise<string[]> {
  if (targets.length === 0) return [];
  const usernames = targets.map((t) =>
    "localUsername" in t ? t.localUsername : ""
  );
  const uris = targets.map((t) => "uri" in t ? t.uri : "");
  const rows = await db<{ id: string }[]>`
    SELECT found.id FROM unnest(${usernames}::text[], ${uris}::text[])
      WITH ORDINALITY AS t(username, uri, n)
    CROSS JOIN LATERAL (
      SELECT a.id FROM accounts a
      WHERE t.username <> '' AND lower(a.username) = lower(t.username)
        AND coalesce(lower(a.domain), '') = ''
      UNION ALL
      SELECT a.id FROM accounts a WHERE t.uri <> '' AND a.uri = t.uri
      LIMIT 1
    ) found
    ORDER BY t.n`;
  return rows.map((r) => r.id);
}

export async function insertLocalAccount(
  db: Queryable,
  input: { username: string; display_name?: string; locked?: boolean },
): Promise<AccountRow> {
  const [row] = await db<AccountRow[]>`
    INSERT INTO accounts (username, domain, display_name, locked)
    VALUES (${input.username}, NULL, ${input.display_name ?? ""}, ${
    input.locked ?? false
  })
    RETURNING *`;
  return row;
}

export async function insertAccountKey(
  db: Queryable,
  accountId: string,
  algorithm: string,
  publicJwk: JsonWebKey,
  privateJwk: JsonWebKey,
): Promise<void> {
  await db`
    INSERT INTO account_keys (account_id, algorithm, public_jwk, private_jwk)
    VALUES (${accountId}, ${algorithm}, ${db.json(publicJwk as never)}, ${
    db.json(privateJwk as never)
  })`;
}

export async function findAccountKeys(
  db: Queryable,
  accountId: string,
): Promise<
  { algorithm: string; public_jwk: JsonWebKey; private_jwk: JsonWebKey }[]
> {
  return await db`
    SELECT algorithm, public_jwk, private_jwk FROM account_keys
    WHERE account_id = ${accountId} ORDER BY algorithm DESC`;
}

export async function insertUser(
  db: Queryable,
  input: {
    account_id: string;
    email: string;
    password_hash: string;
    role_id?: string | null;
    locale?: string;
    approved: boolean;
    registration_reason?: string | null;
    /** False: the address waits for confirmation (`confirmed_at` null). */
    confirmed?: boolean;
    invite_id?: string | null;
    sign_up_ip?: string | null;
  },
): Promise<UserRow> {
  const confirmedAt = input.confirmed === false ? null : new Date();
  const [row] = await db<UserRow[]>`
    INSERT INTO users (account_id, email, password_hash, role_id, locale, approved,
                       registration_reason, confirmed_at, invite_id, sign_up_ip)
    VALUES (${input.account_id}, ${input.email}, ${input.password_hash}, ${
    input.role_id ?? null
  },
            ${input.locale ?? "en"}, ${input.approved}, ${
    input.registration_reason ?? null
  }, ${confirmedAt}, ${input.invite_id ?? null}, ${input.sign_up_ip ?? null})
    RETURNING *`;
  return row;
}

export async function findUserById(
  db: Queryable,
  id: string,
): Promise<UserRow | null> {
  const [row] = await db<UserRow[]>`SELECT * FROM users WHERE id = ${id}`;
  return row ?? null;
}

export async function findUserByEmail(
  db: Queryable,
  email: string,
): Promise<UserRow | null> {
  const [row] = await db<
    UserRow[]
  >`SELECT * FROM users WHERE lower(email) = lower(${email})`;
  return row ?? null;
}

export async function findUserByAccountId(
  db: Queryable,
  accountId: string,
): Promise<UserRow | null> {
  const [row] = await db<
    UserRow[]
  >`SELECT * FROM users WHERE account_id = ${accountId}`;
  return row ?? null;
}

/** A local user with their account, by username or e-mail (sign-in accepts either). */
export async function findLocalLogin(
  db: Queryable,
  login: string,
): Promise<{ user: UserRow; account: AccountRow } | null> {
  const [user] = await db<UserRow[]>`
    SELECT u.* FROM users u JOIN accounts a ON a.id = u.account_id
    WHERE lower(u.email) = lower(${login})
       OR (a.domain IS NULL AND lower(a.username) = lower(${login}))
    LIMIT 1`;
  if (!user) return null;
  const account = await findAccountById(db, user.account_id);
  return account ? { user, account } : null;
}

export async function listLocalUsers(
  db: Queryable,
): Promise<(UserRow & { username: string; role_name: string | null })[]> {
  return await db<
    (UserRow & { username: string; role_name: string | null })[]
  >`
    SELECT u.*, a.username, r.name AS role_name
    FROM users u JOIN accounts a ON a.id = u.account_id
    LEFT JOIN user_roles r ON r.id = u.role_id
    ORDER BY u.id`;
}

/** Schedules (or, with null, cancels) a user's own deletion request (migration 0029). */
export async function updateUserDeletion(
  db: Queryable,
  userId: string,
  deleteAfter: Date | null,
): Promise<void> {
  await db`UPDATE users SET delete_after = ${deleteAfter}, updated_at = now()
    WHERE id = ${userId}`;
}

/** Users whose deletion request's grace period is over at `now`, oldest first. */
export async function usersDueForDeletion(
  db: Queryable,
  now: Date,
  limit: number,
): Promise<{ account_id: string }[]> {
  return await db<{ account_id: string }[]>`
    SELECT account_id FROM users WHERE delete_after <= ${now}
    ORDER BY delete_after LIMIT ${limit}`;
}

export async function updateUser(
  db: Queryable,
  userId: string,
  changes: Partial<
    Pick<UserRow, "password_hash" | "approved" | "disabled" | "locale">
  >,
): Promise<boolean> {
  const keys = Object.keys(changes) as (keyof typeof changes)[];
  if (keys.length === 0) return true;
  const result = await db`
    UPDATE users SET ${
    db(changes, ...keys)
  }, updated_at = now() WHERE id = ${userId}`;
  return result.count > 0;
}

export async function recordSignIn(
  db: Queryable,
  userId: string,
): Promise<void> {
  await db`
    UPDATE users SET sign_in_count = sign_in_count + 1, last_sign_in_at = now()
    WHERE id = ${userId}`;
}

export async function deleteAccount(
  db: Queryable,
  accountId: string,
): Promise<boolean> {
  const result = await db`DELETE FROM accounts WHERE id = ${accountId}`;
  return result.count > 0;
}

/** A deleted local account's username stays taken for good (migration 0029). */
export async function insertAccountTombstone(
  db: Queryable,
  username: string,
): Promise<void> {
  await db`INSERT INTO account_tombstones (username) VALUES (${username})
    ON CONFLICT DO NOTHING`;
}

/** Whether `username` belonged to a local account that was deleted. */
export async function isDeletedUsername(
  db: Queryable,
  username: string,
): Promise<boolean> {
  const [row] = await db`
    SELECT 1 FROM account_tombstones WHERE lower(username) = lower(${username})`;
  return Boolean(row);
}

export async function isUsernameTaken(
  db: Queryable,
  username: string,
): Promise<boolean> {
  const [row] = await db`
    SELECT 1 FROM accounts WHERE lower(username) = lower(${username}) AND domain IS NULL
    UNION ALL
    SELECT 1 FROM account_tombstones WHERE lower(username) = lower(${username})`;
  return Boolean(row);
}

export async function isEmailTaken(
  db: Queryable,
  email: string,
): Promise<boolean> {
  const [row] =
    await db`SELECT 1 FROM users WHERE lower(email) = lower(${email})`;
  return Boolean(row);
}
