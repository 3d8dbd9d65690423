/**
 * Confirming addresses: the sign-up's (with SMTP configured a new account confirms its address
 * before it may post; without, it is confirmed at once) and a new one chosen in the settings
 * (it replaces the old only once confirmed; the old address is told). Links carry a random
 * token of which only the hash is kept, good for 24 hours, once.
 */
import type { Deps } from "../deps.ts";
import type { Queryable } from "../db/client.ts";
import { isEmailTaken } from "../db/accounts.ts";
import { verifyPassword } from "../domain/passwords.ts";
import { DomainError, forbidden, invalid } from "../domain/errors.ts";
import { hashToken, randomToken } from "../domain/secrets.ts";
import { EMAIL_PATTERN } from "../domain/accounts.ts";
import * as db from "./mail-db.ts";
import { enqueueMail } from "./job.ts";
import { mailMessages } from "./content.ts";
import { renderMail } from "./render.ts";

export type FlowDeps = Pick<Deps, "sql" | "jobs" | "config">;

export const CONFIRMATION_TTL_MS = 24 * 3600 * 1000;

/** Mastodon's answer when a confirmed user asks for a confirmation mail. */
export const ALREADY_CONFIRMED =
  "This method is only available while the e-mail is awaiting confirmation";

/** A new single-use token for `email`, stored hashed; returns the token for the link. */
export async function issueEmailToken(
  tx: Queryable,
  userId: string,
  purpose: db.TokenPurpose,
  email: string,
  ttlMs: number,
): Promise<string> {
  const token = randomToken();
  await db.retireEmailTokens(tx, userId, [purpose]);
  await db.insertEmailToken(tx, {
    userId,
    purpose,
    tokenHash: await hashToken(token),
    email,
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return token;
}

function confirmationUrl(deps: FlowDeps, token: string): string {
  return `${deps.config.origin}/auth/confirmation?confirmation_token=${token}`;
}

/** Writes the confirmation token and its mail in `tx`. */
async function mailConfirmation(
  deps: FlowDeps,
  tx: Queryable,
  user: { id: string; email: string; locale: string },
  username: string,
): Promise<void> {
  const token = await issueEmailToken(
    tx,
    user.id,
    "confirmation",
    user.email,
    CONFIRMATION_TTL_MS,
  );
  const { host, origin } = deps.config;
  const content = mailMessages(user.locale).confirmation({
    username,
    host,
    url: confirmationUrl(deps, token),
  });
  await enqueueMail(
    deps,
    tx,
    renderMail(user.email, content, { host, origin }),
  );
}

/**
 * After a sign-up (the `account.created` event): mails the confirmation link to a user who must
 * confirm. A repeat of the event finds the live token and mails nothing more.
 */
export async function mailConfirmationIfPending(
  deps: FlowDeps,
  accountId: string,
): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const user = await db.findUserOfAccount(tx, accountId);
    if (!user || user.confirmed_at) return;
    if (await db.hasLiveEmailToken(tx, user.id, "confirmation")) return;
    await mailConfirmation(deps, tx, user, user.username);
  });
}

/**
 * Mails a new confirmation link (the earlier one stops working). With `email`, an unconfirmed
 * user corrects their address first, as Mastodon's API allows.
 */
export async function resendConfirmation(
  deps: FlowDeps,
  userId: string,
  email?: string,
): Promise<void> {
  const address = email?.trim();
  if (address !== undefined && address !== "") {
    if (!EMAIL_PATTERN.test(address) || address.length > 254) {
      throw invalid("Email is invalid", "email");
    }
  }
  await deps.sql.begin(async (tx) => {
    const user = await db.findRecipient(tx, userId, { lock: true });
    if (!user) throw forbidden();
    if (user.confirmed_at) throw forbidden(ALREADY_CONFIRMED);
    if (address && address.toLowerCase() !== user.email.toLowerCase()) {
      if (await isEmailTaken(tx, address)) {
        throw invalid("Email has already been taken", "email");
      }
      await db.setUnconfirmedEmail(tx, userId, address);
      user.email = address;
    }
    await mailConfirmation(deps, tx, user, user.username);
  });
}

/** The operator confirms an address by hand (`deno task admin accounts confirm`). */
export async function confirmAddress(
  deps: Pick<Deps, "sql">,
  userId: string,
): Promise<void> {
  await deps.sql.begin(async (tx) => {
    await db.markConfirmed(tx, userId);
    await db.retireEmailTokens(tx, userId, ["confirmation"]);
  });
}

export type ConfirmedWhat = "account" | "new_address";

/** Follows a confirmation link (sign-up or new address). Throws when it doesn't work (any more). */
export async function confirmByToken(
  deps: FlowDeps,
  token: string,
): Promise<ConfirmedWhat> {
  return await deps.sql.begin(async (tx) => {
    const row = await db.useEmailToken(tx, await hashToken(token), [
      "confirmation",
      "email_change",
    ]);
    if (!row) {
      throw new DomainError(
        "not_found",
        "This confirmation link is invalid, was used already or has expired.",
      );
    }
    if (row.purpose === "confirmation") {
      await db.markConfirmed(tx, row.user_id);
      return "account";
    }
    if (!(await db.changeEmail(tx, row.user_id, row.email))) {
      throw invalid("Email has already been taken", "email");
    }
    return "new_address";
  });
}

/**
 * Asks to change a user's address (the settings page): checks the current password, then mails
 * a confirmation link to the new address and a notice to the old one, in one transaction. The
 * address itself changes when the link is followed.
 */
export async function requestEmailChange(
  deps: FlowDeps,
  userId: string,
  currentPassword: string,
  newEmail: string,
): Promise<void> {
  const email = newEmail.trim();
  const user = await db.findRecipient(deps.sql, userId);
  if (!user) throw forbidden();
  if (!(await verifyPassword(currentPassword, user.password_hash))) {
    throw invalid("Current password is wrong", "current_password");
  }
  if (!EMAIL_PATTERN.test(email) || email.length > 254) {
    throw invalid("Email is invalid", "email");
  }
  if (email.toLowerCase() === user.email.toLowerCase()) {
    throw invalid("This is already your e-mail address", "email");
  }
  await deps.sql.begin(async (tx) => {
    if (await isEmailTaken(tx, email)) {
      throw invalid("Email has already been taken", "email");
    }
    const username = user.username;
    const token = await issueEmailToken(
      tx,
      user.id,
      "email_change",
      email,
      CONFIRMATION_TTL_MS,
    );
    const { host, origin } = deps.config;
    const messages = mailMessages(user.locale);
    await enqueueMail(
      deps,
      tx,
      renderMail(
        email,
        messages.emailChangeConfirmation({
          username,
          host,
          url: confirmationUrl(deps, token),
        }),
        { host, origin },
      ),
    );
    await enqueueMail(
      deps,
      tx,
      renderMail(
        user.email,
        messages.emailChangeNotice({
          username,
          host,
          newEmail: email,
          url: `${origin}/settings/password`,
        }),
        { host, origin },
      ),
    );
  });
}
