/**
 * Mails that tell a user something happened to their account: a sign-in from an address it
 * never signed in from, and a moderator's warning (with `send_email_notification`).
 */
import type { Queryable } from "../db/client.ts";
import type { UserRow } from "../db/accounts.ts";
import * as db from "./mail-db.ts";
import { enqueueMail, type MailDeps } from "./job.ts";
import { mailMessages, type WarningAction } from "./content.ts";
import { renderMail } from "./render.ts";
import type { FlowDeps } from "./addresses.ts";

/**
 * Records a sign-in from `ip`; the first from a new address (for a user who signed in from
 * others before) mails the user, in the same transaction.
 */
export async function noteSignIn(
  deps: FlowDeps,
  login: { user: UserRow; account: { username: string } },
  client: { ip: string | null; userAgent: string | null },
): Promise<void> {
  if (!client.ip) return;
  const ip = client.ip;
  await deps.sql.begin(async (tx) => {
    if (!(await db.rememberSignInAddress(tx, login.user.id, ip))) return;
    const { host, origin } = deps.config;
    const messages = mailMessages(login.user.locale);
    const content = messages.signInAlert({
      username: login.account.username,
      host,
      ip,
      browser: client.userAgent?.slice(0, 200) || messages.unknownBrowser,
      time: messages.signInTime(new Date()),
      url: `${origin}/settings/password`,
    });
    await enqueueMail(
      deps,
      tx,
      renderMail(login.user.email, content, { host, origin }),
    );
  });
}

/**
 * Mails a moderator's warning to its user, in the action's transaction `tx`: what was done,
 * the moderator's text, and the strike's page, where it can be appealed.
 */
export async function mailWarning(
  deps: MailDeps,
  tx: Queryable,
  target: { user: UserRow; username: string },
  warning: { id: string; action: string; text: string },
): Promise<void> {
  const { host, origin } = deps.config;
  const content = mailMessages(target.user.locale).warning({
    username: target.username,
    host,
    action: warning.action as WarningAction,
    text: warning.text,
    url: `${origin}/disputes/strikes/${warning.id}`,
  });
  await enqueueMail(
    deps,
    tx,
    renderMail(target.user.email, content, { host, origin }),
  );
}
