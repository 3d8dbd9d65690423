/**
 * Notification e-mails: for each type a user chose (Mastodon's defaults: new followers, follow
 * requests and mentions on; boosts and favourites off), every notification announced with
 * `notification.created` is mailed. Each mail carries `List-Unsubscribe` with a signed URL and
 * `List-Unsubscribe-Post` (RFC 8058), so a mail client's one-click POST turns that type off
 * without signing in.
 */
import type { Deps } from "../deps.ts";
import { findAccountById, type UserRow } from "../db/accounts.ts";
import { findNotification } from "../db/notifications.ts";
import { findStatusById } from "../db/statuses.ts";
import { forbidden } from "../domain/errors.ts";
import { safeEqual } from "../domain/secrets.ts";
import { htmlToPlainText } from "../text/mod.ts";
import * as db from "./mail-db.ts";
import { enqueueMail } from "./job.ts";
import { type MailedNotificationType, messagesFor } from "./messages.ts";
import { renderMail } from "./render.ts";

export const NOTIFICATION_EMAIL_TYPES = [
  "follow",
  "follow_request",
  "mention",
  "reblog",
  "favourite",
] as const satisfies readonly MailedNotificationType[];

/** Mastodon's defaults (`UserSettings` `notification_emails`). */
const DEFAULTS: Record<MailedNotificationType, boolean> = {
  follow: true,
  follow_request: true,
  mention: true,
  reblog: false,
  favourite: false,
};

export function isMailedType(type: string): type is MailedNotificationType {
  return (NOTIFICATION_EMAIL_TYPES as readonly string[]).includes(type);
}

/** Which notification types the user gets by e-mail. */
export function notificationEmailChoices(
  user: Pick<UserRow, "notification_emails">,
): Record<MailedNotificationType, boolean> {
  const chosen = user.notification_emails ?? {};
  return Object.fromEntries(
    NOTIFICATION_EMAIL_TYPES.map((t) => [t, chosen[t] ?? DEFAULTS[t]]),
  ) as Record<MailedNotificationType, boolean>;
}

/** Saves the user's choice for every type (the preferences form sends them all). */
export async function saveNotificationEmailChoices(
  deps: Pick<Deps, "sql">,
  userId: string,
  choices: Record<MailedNotificationType, boolean>,
): Promise<void> {
  await db.setNotificationEmails(deps.sql, userId, choices);
}

function unsubscribeSignature(
  deps: Pick<Deps, "secret">,
  userId: string,
  type: string,
): Promise<string> {
  return deps.secret.sign(`mail-unsubscribe:${userId}:${type}`);
}

export async function unsubscribeUrl(
  deps: Pick<Deps, "secret" | "config">,
  userId: string,
  type: MailedNotificationType,
): Promise<string> {
  const query = new URLSearchParams({
    user: userId,
    type,
    signature: await unsubscribeSignature(deps, userId, type),
  });
  return `${deps.config.origin}/mail/unsubscribe?${query}`;
}

/** Checks an unsubscribe link's signature; returns its type, or throws 403. */
export async function checkUnsubscribeLink(
  deps: Pick<Deps, "secret">,
  link: { user: string; type: string; signature: string },
): Promise<MailedNotificationType> {
  if (
    !isMailedType(link.type) ||
    !safeEqual(
      link.signature,
      await unsubscribeSignature(deps, link.user, link.type),
    )
  ) {
    throw forbidden("This unsubscribe link is not valid.");
  }
  return link.type;
}

/** The one-click unsubscribe: that type's e-mails are off. */
export async function unsubscribe(
  deps: Pick<Deps, "sql" | "secret">,
  link: { user: string; type: string; signature: string },
): Promise<MailedNotificationType> {
  const type = await checkUnsubscribeLink(deps, link);
  await db.setNotificationEmails(deps.sql, link.user, { [type]: false });
  return type;
}

/** How a type is named to the user (the preferences page, the unsubscribe page). */
export function notificationTypeName(
  type: MailedNotificationType,
  locale?: string,
): string {
  return messagesFor(locale).notificationTypeNames[type];
}

/**
 * The `notification.created` listener: mails the notification if SMTP is configured, its type
 * is one the recipient chose, they are a confirmed local user, and it isn't held back by their
 * filter.
 */
export async function mailNotification(
  deps: Pick<Deps, "sql" | "jobs" | "config" | "secret">,
  event: {
    notificationId: string;
    recipientId: string;
    notificationType: string;
  },
): Promise<void> {
  const type = event.notificationType;
  // Without SMTP, notification e-mails are not made at all: the notification itself is in the
  // app, and the server log is for mail a user needs (links, alerts, warnings), not every like.
  if (!isMailedType(type) || !deps.config.mail.smtp) return;
  const user = await db.findUserOfAccount(deps.sql, event.recipientId);
  if (!user?.confirmed_at || user.disabled) return;
  if (!notificationEmailChoices(user)[type]) return;
  const notification = await findNotification(
    deps.sql,
    event.recipientId,
    event.notificationId,
  );
  if (!notification || notification.filtered) return;
  const from = await findAccountById(deps.sql, notification.from_account_id);
  if (!from) return;
  const { host, origin } = deps.config;
  const acct = from.domain ? `${from.username}@${from.domain}` : from.username;
  const fromName = from.display_name
    ? `${from.display_name} (@${acct})`
    : `@${acct}`;
  const status = notification.status_id
    ? await findStatusById(deps.sql, notification.status_id)
    : null;
  const text = status ? excerpt(htmlToPlainText(status.content)) : "";
  const messages = messagesFor(user.locale);
  const notifications = `${origin}/notifications`;
  const content = type === "follow"
    ? messages.notification.follow({
      from: fromName,
      url: `${origin}/@${acct}`,
    })
    : type === "follow_request"
    ? messages.notification.follow_request({
      from: fromName,
      url: `${origin}/follow_requests`,
    })
    : messages.notification[type]({ from: fromName, text, url: notifications });
  const unsubscribe = await unsubscribeUrl(deps, user.id, type);
  content.footer = messages.notificationFooter({
    host,
    what: messages.notificationTypeNames[type],
    settingsUrl: `${origin}/settings/preferences`,
    unsubscribeUrl: unsubscribe,
  });
  const mail = renderMail(user.email, content, {
    host,
    origin,
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  });
  // Claimed and enqueued together: an event handled twice mails once.
  await deps.sql.begin(async (tx) => {
    if (await db.claimNotificationEmail(tx, notification.id)) {
      await enqueueMail(deps, tx, mail);
    }
  });
}

function excerpt(text: string, max = 500): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}
