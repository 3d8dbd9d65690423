/**
 * Local accounts: the sign-up rules (Mastodon's), creation with keys, sign-in, and the operator's
 * changes (approve, password, delete). One path for the web form, the API and the admin CLI.
 */
import type { Queryable, Sql } from "../db/client.ts";
import type { EffectBus, Effects } from "./effects.ts";
import * as db from "../db/accounts.ts";
import type { AccountRow, UserRow } from "../db/accounts.ts";
import type { MailConfig, Registrations } from "../config.ts";
import { DomainError, invalid } from "./errors.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { generateActorKeys } from "./keys.ts";
import { usernameProblem } from "./usernames.ts";
import { notificationEvents } from "./status-insert.ts";
import { claimInvite, notifySignUp } from "../moderation/mod.ts";

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignUpInput {
  username: string;
  email: string;
  password: string;
  locale?: string;
  reason?: string | null;
  /** The client's address (recorded as the sign-up's, for moderators). */
  ip?: string | null;
}

export interface SignUpOptions {
  registrations: Registrations;
  /** With approval: the admins ask for a reason (lib/instance's `registrationPolicy`). */
  reasonRequired?: boolean;
  /** Set by the admin CLI: bypasses the registrations mode and approval. */
  byOperator?: boolean;
  /** The role's id (lib/moderation); none: the "everyone" role. */
  roleId?: string | null;
  /**
   * Records `account.created`, and the `admin.sign_up` notifications of a sign-up (not the
   * operator's), in the sign-up's transaction.
   */
  effects?: Effects;
  /**
   * The address must be confirmed before the account may post (lib/mail mails the link on
   * `account.created`); otherwise it counts as confirmed at once.
   */
  emailConfirmation?: boolean;
  /**
   * A usable invite (lib/moderation/invites.ts): one use is counted in the sign-up's
   * transaction, and the sign-up refused if it was used up meanwhile.
   */
  inviteId?: string;
}

/**
 * Whether a new account must confirm its address before posting: only when mail can actually
 * be sent (`SMTP_URL`). Without it (the embedded default) accounts are confirmed at once, so a
 * server started with no setup stays usable.
 */
export function emailConfirmationRequired(
  config: { mail: MailConfig },
): boolean {
  return config.mail.smtp !== undefined;
}

export interface LocalLogin {
  user: UserRow;
  account: AccountRow;
}

/**
 * Creates a local account and its user in one transaction. Every refusal is a `DomainError`
 * naming the field; nothing is written on a refusal.
 */
export async function signUp(
  sql: Sql,
  input: SignUpInput,
  options: SignUpOptions,
): Promise<LocalLogin> {
  if (options.registrations === "closed" && !options.byOperator) {
    throw new DomainError(
      "forbidden",
      "Registrations are closed on this server",
    );
  }
  const username = input.username.trim();
  const email = input.email.trim();
  const usernameIssue = usernameProblem(username);
  if (usernameIssue) throw invalid(usernameIssue, "username");
  if (!EMAIL_PATTERN.test(email) || email.length > 254) {
    throw invalid("Email is invalid", "email");
  }
  const passwordIssue = passwordProblem(input.password);
  if (passwordIssue) throw invalid(passwordIssue, "password");
  if (
    options.registrations === "approval" && !options.byOperator &&
    !input.reason?.trim() && options.reasonRequired
  ) {
    // Mastodon asks for a reason when sign-ups need approval; an empty one is refused only
    // when the admins chose "approval requires a reason".
    throw invalid("Reason can't be blank", "reason");
  }

  // Hash and generate keys before the transaction: both are slow and need no lock.
  const [passwordHash, keys] = await Promise.all([
    hashPassword(input.password),
    generateActorKeys(),
  ]);
  try {
    const created = await sql.begin(async (tx) => {
      if (await db.isUsernameTaken(tx, username)) {
        throw invalid("Username has already been taken", "username");
      }
      if (await db.isEmailTaken(tx, email)) {
        throw invalid("Email has already been taken", "email");
      }
      if (options.inviteId && !await claimInvite(tx, options.inviteId)) {
        throw invalid("This invite is no longer valid", "invite_code");
      }
      const account = await db.insertLocalAccount(tx, { username });
      for (const key of keys) {
        await db.insertAccountKey(
          tx,
          account.id,
          key.algorithm,
          key.publicJwk,
          key.privateJwk,
        );
      }
      const user = await db.insertUser(tx, {
        account_id: account.id,
        email,
        password_hash: passwordHash,
        role_id: options.roleId ?? null,
        locale: input.locale,
        approved: options.byOperator || options.registrations === "open",
        registration_reason: input.reason ?? null,
        confirmed: options.byOperator || !options.emailConfirmation,
        invite_id: options.inviteId ?? null,
        sign_up_ip: input.ip ?? null,
      });
      // Those who manage users hear of sign-ups; accounts the operator makes are their own.
      const notifications = options.byOperator
        ? []
        : await notifySignUp(tx, account.id);
      await options.effects?.record(
        tx,
        { type: "account.created", accountId: account.id },
        ...notificationEvents(notifications),
      );
      return { user, account };
    });
    return created;
  } catch (error) {
    // Two sign-ups racing for one name: the unique index decides, report it like the check.
    if ((error as { code?: string }).code === "23505") {
      const detail = String(
        (error as { constraint_name?: string }).constraint_name ?? "",
      );
      throw detail.includes("email")
        ? invalid("Email has already been taken", "email")
        : invalid("Username has already been taken", "username");
    }
    throw error;
  }
}

/**
 * Checks a username-or-email and password. Returns the login when it may sign in; throws a
 * `DomainError` saying why not. Unknown user and wrong password give the same message.
 */
export async function authenticate(
  sql: Queryable,
  login: string,
  password: string,
): Promise<LocalLogin> {
  const found = await db.findLocalLogin(sql, login.trim());
  const ok = found
    ? await verifyPassword(password, found.user.password_hash)
    : false;
  if (!found || !ok) {
    throw new DomainError("unauthorized", "Invalid email or password");
  }
  // Suspended users may sign in, to a session that reaches only their account status and
  // appeal (lib/web/limited-session.ts); disabled ones may not.
  if (found.user.disabled) {
    throw new DomainError("forbidden", "This account is disabled");
  }
  if (!found.user.approved) {
    throw new DomainError(
      "forbidden",
      "Your account is waiting for approval by a moderator",
    );
  }
  await db.recordSignIn(sql, found.user.id);
  return found;
}

/** Finds a local user by username; throws not_found with a message naming it. */
export async function requireLocalLogin(
  sql: Queryable,
  username: string,
): Promise<LocalLogin> {
  const account = await db.findAccountByUsername(sql, username, null);
  const user = account ? await db.findUserByAccountId(sql, account.id) : null;
  if (!account || !user) {
    throw new DomainError("not_found", `No local account named ${username}`);
  }
  return { user, account };
}

export async function setPassword(
  sql: Sql,
  userId: string,
  password: string,
  effects?: Effects,
): Promise<void> {
  const issue = passwordProblem(password);
  if (issue) throw invalid(issue, "password");
  const hash = await hashPassword(password);
  await sql.begin((tx) => replacePassword(tx, userId, hash, effects));
}

/**
 * Stores a new password hash in `tx` and ends every session and token of the user, as Mastodon
 * does (a password change, and a reset by mail, both end here).
 */
export async function replacePassword(
  tx: Queryable,
  userId: string,
  passwordHash: string,
  effects?: Effects,
): Promise<void> {
  await db.updateUser(tx, userId, { password_hash: passwordHash });
  await endAllSessions(tx, userId, effects);
}

/**
 * Ends every web session and revokes every token of the user, in `tx` (a password change, a
 * reset, a deletion request).
 */
export async function endAllSessions(
  tx: Queryable,
  userId: string,
  effects?: Effects,
): Promise<void> {
  const tokens = await tx<{ id: string }[]>`
    UPDATE oauth_tokens SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL
    RETURNING id`;
  await tx`DELETE FROM web_sessions WHERE user_id = ${userId}`;
  // …and their open streams.
  if (tokens.length) {
    await effects?.record(tx, {
      type: "token.revoked",
      tokenIds: tokens.map((t) => t.id),
    });
  }
}

export async function approve(sql: Queryable, userId: string): Promise<void> {
  await db.updateUser(sql, userId, { approved: true });
}

/**
 * Deletes a local account and everything of it. With `effects`, listeners hear
 * `account.deleting` first and are awaited (federation queues the Delete of the actor while its
 * keys and followers still exist: see `EffectBus.emitAndWait`), then `account.deleted` is
 * recorded with the deletion. The username stays taken (`account_tombstones`) unless
 * `reserveUsername` is false. The admin CLI, moderators and self-service deletion
 * (`account-deletion.ts`) all end here.
 */
export async function deleteLocalAccount(
  sql: Sql,
  accountId: string,
  effects?: EffectBus,
  options: { reserveUsername?: boolean } = {},
): Promise<void> {
  await effects?.emitAndWait({ type: "account.deleting", accountId });
  await sql.begin(async (tx) => {
    const account = await db.findAccountById(tx, accountId);
    // Its actor URI was known to peers: the name is never given to anyone else (a rejected
    // sign-up, which never federated, frees it).
    if (account && options.reserveUsername !== false) {
      await db.insertAccountTombstone(tx, account.username);
    }
    await db.deleteAccount(tx, accountId);
    await effects?.record(tx, { type: "account.deleted", accountId });
  });
}
