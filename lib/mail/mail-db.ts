/** The SQL of lib/mail: mailed tokens, known sign-in addresses, e-mail choices, addresses. */
import type { Queryable } from "../db/client.ts";
import type { UserRow } from "../db/accounts.ts";

export type TokenPurpose = "confirmation" | "password_reset" | "email_change";

export interface EmailTokenRow {
  id: string;
  user_id: string;
  purpose: TokenPurpose;
  email: string;
  expires_at: Date;
  used_at: Date | null;
}

export async function insertEmailToken(
  db: Queryable,
  row: {
    userId: string;
    purpose: TokenPurpose;
    tokenHash: string;
    email: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db`
    INSERT INTO email_tokens (user_id, purpose, token_hash, email, expires_at)
    VALUES (${row.userId}, ${row.purpose}, ${row.tokenHash}, ${row.email}, ${row.expiresAt})`;
}

/** Ends the user's unused tokens of these purposes (a new one replaces them). */
export async function retireEmailTokens(
  db: Queryable,
  userId: string,
  purposes: TokenPurpose[],
): Promise<void> {
  await db`
    UPDATE email_tokens SET used_at = now()
    WHERE user_id = ${userId} AND purpose = ANY(${purposes}) AND used_at IS NULL`;
}

/**
 * Uses a live token of one of `purposes`: marks it used and returns it, or null when it is
 * unknown, used or expired. One statement, so two clicks can't both use it.
 */
export async function useEmailToken(
  db: Queryable,
  tokenHash: string,
  purposes: TokenPurpose[],
): Promise<EmailTokenRow | null> {
  const [row] = await db<EmailTokenRow[]>`
    UPDATE email_tokens SET used_at = now()
    WHERE token_hash = ${tokenHash} AND purpose = ANY(${purposes})
      AND used_at IS NULL AND expires_at > now()
    RETURNING id, user_id, purpose, email, expires_at, used_at`;
  return row ?? null;
}

/** A live token without using it (the reset page checks its link before showing the form). */
export async function findLiveEmailToken(
  db: Queryable,
  tokenHash: string,
  purpose: TokenPurpose,
): Promise<EmailTokenRow | null> {
  const [row] = await db<EmailTokenRow[]>`
    SELECT id, user_id, purpose, email, expires_at, used_at FROM email_tokens
    WHERE token_hash = ${tokenHash} AND purpose = ${purpose}
      AND used_at IS NULL AND expires_at > now()`;
  return row ?? null;
}

export async function hasLiveEmailToken(
  db: Queryable,
  userId: string,
  purpose: TokenPurpose,
): Promise<boolean> {
  const [row] = await db`
    SELECT 1 FROM email_tokens
    WHERE user_id = ${userId} AND purpose = ${purpose} AND used_at IS NULL
      AND expires_at > now()
    LIMIT 1`;
  return Boolean(row);
}

export async function markConfirmed(
  db: Queryable,
  userId: string,
): Promise<void> {
  await db`
    UPDATE users SET confirmed_at = coalesce(confirmed_at, now()), updated_at = now()
    WHERE id = ${userId}`;
}

/** Sets a confirmed new address; false when another user has it meanwhile. */
export async function changeEmail(
  db: Queryable,
  userId: string,
  email: string,
): Promise<boolean> {
  const taken = await db`
    SELECT 1 FROM users WHERE lower(email) = lower(${email}) AND id <> ${userId}`;
  if (taken.length) return false;
  await db`
    UPDATE users SET email = ${email}, confirmed_at = coalesce(confirmed_at, now()),
                     updated_at = now()
    WHERE id = ${userId}`;
  return true;
}

/** An unconfirmed user's address, corrected before confirming (the API's resend with `email`). */
export async function setUnconfirmedEmail(
  db: Queryable,
  userId: string,
  email: string,
): Promise<void> {
  await db`UPDATE users SET email = ${email}, updated_at = now()
           WHERE id = ${userId} AND confirmed_at IS NULL`;
}

/**
 * Remembers that the user signed in from `ip`. Returns whether the address is new for a user
 * who had signed in from others before (their first address is no news).
 */
export async function rememberSignInAddress(
  db: Queryable,
  userId: string,
  ip: string,
): Promise<boolean> {
  const [row] = await db<{ inserted: boolean; others: number }[]>`
    WITH upsert AS (
      INSERT INTO user_sign_in_addresses (user_id, ip) VALUES (${userId}, ${ip})
      ON CONFLICT (user_id, ip) DO UPDATE SET last_seen_at = now()
      RETURNING (xmax = 0) AS inserted
    )
    SELECT (SELECT inserted FROM upsert) AS inserted,
           (SELECT count(*)::int FROM user_sign_in_addresses
            WHERE user_id = ${userId} AND ip <> ${ip}) AS others`;
  return row.inserted && row.others > 0;
}

export async function setNotificationEmails(
  db: Queryable,
  userId: string,
  choices: Record<string, boolean>,
): Promise<void> {
  await db`
    UPDATE users SET notification_emails = notification_emails || ${
    JSON.stringify(choices)
  }::text::jsonb, updated_at = now()
    WHERE id = ${userId}`;
}

/** Claims a notification's e-mail: true the first time only. */
export async function claimNotificationEmail(
  db: Queryable,
  notificationId: string,
): Promise<boolean> {
  const rows = await db`
    UPDATE notifications SET emailed_at = now()
    WHERE id = ${notificationId} AND emailed_at IS NULL
    RETURNING id`;
  return rows.length > 0;
}

/** A local user with what a mail to them says: their username, whether they are suspended. */
export type MailRecipient = UserRow & { username: string; suspended: boolean };

const RECIPIENT = "u.*, a.username, a.suspended_at IS NOT NULL AS suspended";

/** The user of a local account (the recipient of a notification), or null. */
export async function findUserOfAccount(
  db: Queryable,
  accountId: string,
): Promise<MailRecipient | null> {
  const [row] = await db<MailRecipient[]>`
    SELECT ${
    db.unsafe(RECIPIENT)
  } FROM users u JOIN accounts a ON a.id = u.account_id
    WHERE u.account_id = ${accountId}`;
  return row ?? null;
}

/**
 * A user by id; with `lock`, locked for the caller's transaction (one mail flow at a time per
 * user).
 */
export async function findRecipient(
  db: Queryable,
  userId: string,
  options: { lock?: boolean } = {},
): Promise<MailRecipient | null> {
  const [row] = await db<MailRecipient[]>`
    SELECT ${
    db.unsafe(RECIPIENT)
  } FROM users u JOIN accounts a ON a.id = u.account_id
    WHERE u.id = ${userId} ${options.lock ? db`FOR UPDATE OF u` : db``}`;
  return row ?? null;
}

/** The user with this address (any case), or null. */
export async function findRecipientByEmail(
  db: Queryable,
  email: string,
): Promise<MailRecipient | null> {
  const [row] = await db<MailRecipient[]>`
    SELECT ${
    db.unsafe(RECIPIENT)
  } FROM users u JOIN accounts a ON a.id = u.account_id
    WHERE lower(u.email) = lower(${email})`;
  return row ?? null;
}
