/**
 * Forgotten passwords: a link by mail (single use, 1 hour, only its hash kept) to a page that
 * sets a new password, which ends every session and token of the account. Asking gives the
 * same answer whether or not the address belongs to anyone, so it can't be used to find out.
 */
import { findUserById } from "../db/accounts.ts";
import { replacePassword } from "../domain/accounts.ts";
import { hashPassword, passwordProblem } from "../domain/passwords.ts";
import { DomainError, invalid } from "../domain/errors.ts";
import { hashToken } from "../domain/secrets.ts";
import type { Deps } from "../deps.ts";
import * as db from "./mail-db.ts";
import { type FlowDeps, issueEmailToken } from "./addresses.ts";
import { enqueueMail } from "./job.ts";
import { mailMessages } from "./content.ts";
import { renderMail } from "./render.ts";
import { auth } from "../i18n/en/auth.ts";
import { errors } from "../i18n/en/errors.ts";

export const PASSWORD_RESET_TTL_MS = 3600 * 1000;

/**
 * What the request form says, whoever asked: nothing tells whether the address is known (in
 * English; the page shows its catalogue's `auth.forgotPassword.sent`).
 */
export const RESET_REQUESTED = auth.forgotPassword.sent;

/** The refusal of a dead link (the page shows its catalogue's `errors.resetLinkBroken`). */
export const RESET_LINK_BROKEN = errors.resetLinkBroken;

/** Mails a reset link to the account with this address, if there is one. */
export async function requestPasswordReset(
  deps: FlowDeps,
  email: string,
): Promise<void> {
  const address = email.trim();
  if (!address) return;
  await deps.sql.begin(async (tx) => {
    const user = await db.findRecipientByEmail(tx, address);
    if (!user || user.disabled || user.suspended) return;
    const token = await issueEmailToken(
      tx,
      user.id,
      "password_reset",
      user.email,
      PASSWORD_RESET_TTL_MS,
    );
    const { host, origin } = deps.config;
    const content = mailMessages(user.locale).passwordReset({
      username: user.username,
      host,
      url: `${origin}/auth/password/edit?reset_password_token=${token}`,
    });
    await enqueueMail(
      deps,
      tx,
      renderMail(user.email, content, { host, origin }),
    );
  });
}

/** Whether a reset link still works (checked before its form is shown; not used up). */
export async function resetTokenWorks(
  deps: Pick<Deps, "sql">,
  token: string,
): Promise<boolean> {
  if (!token) return false;
  return Boolean(
    await db.findLiveEmailToken(
      deps.sql,
      await hashToken(token),
      "password_reset",
    ),
  );
}

/**
 * Sets the new password with the link's token, using it up, and ends every session and token
 * of the account. Following the link proves the address too, so it counts as confirmed.
 */
export async function resetPassword(
  deps: FlowDeps & Pick<Deps, "effects">,
  token: string,
  password: string,
): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw invalid(problem, "password");
  const hash = await hashPassword(password);
  await deps.sql.begin(async (tx) => {
    const row = await db.useEmailToken(tx, await hashToken(token), [
      "password_reset",
    ]);
    const user = row && await findUserById(tx, row.user_id);
    if (!row || !user) throw new DomainError("not_found", RESET_LINK_BROKEN);
    await replacePassword(tx, user.id, hash, deps.effects);
    if (user.email.toLowerCase() === row.email.toLowerCase()) {
      await db.markConfirmed(tx, user.id);
    }
  });
}
