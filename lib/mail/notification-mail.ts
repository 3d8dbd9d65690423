/**
 * Notification e-mails: for each type a user chose (Mastodon's defaults: new followers, follow
 * requests and mentions on; boosts and favourites off), every notification announced with
 * `notification.created` is mailed. Staff get Mastodon's admin mails the same way (on unless
 * turned off): a new report (`admin.report`), a sign-up waiting for approval (`admin.sign_up`
 * of a pending account), and a new appeal (`mailAppealToStaff`, no notification exists). Each mail carries `List-Unsubscribe` with a signed URL and
 * `List-Unsubscribe-Post` (RFC 8058), so a mail client's one-click POST turns that type off
 * without signing in.
 */
import type { Deps } from "../deps.ts";
import type { Queryable } from "../db/client.ts";
import { findAccountById, type UserRow } from "../db/accounts.ts";
import { findNotification } from "../db/notifications.ts";
import { findStatusById } from "../db/statuses.ts";
import { forbidden } from "../domain/errors.ts";
import { safeEqual } from "../domain/secrets.ts";
import { htmlToPlainText } from "../text/mod.ts";
import * as db from "./mail-db.ts";
import { enqueueMail } from "./job.ts";
import {
  type MailChoice,
  type MailContent,
  type MailedNotificationType,
  mailMessages,
  type StaffMailType,
} from "./content.ts";
import { renderMail } from "./render.ts";

export const NOTIFICATION_EMAIL_TYPES = [
  "follow",
  "follow_request",
  "mention",
  "reblog",
  "favourite",
] as const satisfies readonly MailedNotificationType[];

/** Staff mails, each offered to those whose role covers it (lib/moderation decides who). */
export const STAFF_EMAIL_TYPES = [
  "report",
  "pending_account",
  "appeal",
] as const satisfies readonly StaffMailType[];

const ALL_CHOICES: readonly MailChoice[] = [
  ...NOTIFICATION_EMAIL_TYPES,
  ...STAFF_EMAIL_TYPES,
];

/** Mastodon's defaults (`UserSettings` `notification_emails`). */
const DEFAULTS: Record<MailChoice, boolean> = {
  follow: true,
  follow_request: true,
  mention: true,
  reblog: false,
  favourite: false,
  report: true,
  pending_account: true,
  appeal: true,
};

/** The staff mail each admin notification is. */
const STAFF_NOTIFICATIONS: Record<string, StaffMailType> = {
  "admin.report": "report",
  "admin.sign_up": "pending_account",
};

export function isMailedType(type: string): type is MailedNotificationType {
  return (NOTIFICATION_EMAIL_TYPES as readonly string[]).includes(type);
}

function isMailChoice(type: string): type is MailChoice {
  return ALL_CHOICES.includes(type as MailChoice);
}

/** Which e-mails the user gets. */
export function notificationEmailChoices(
  user: Pick<UserRow, "notification_emails">,
): Record<MailChoice, boolean> {
  const chosen = user.notification_emails ?? {};
  return Object.fromEntries(
    ALL_CHOICES.map((t) => [t, chosen[t] ?? DEFAULTS[t]]),
  ) as Record<MailChoice, boolean>;
}

/** Saves the user's choices (the preferences form sends every type it shows). */
export async function saveNotificationEmailChoices(
  deps: Pick<Deps, "sql">,
  userId: string,
  choices: Partial<Record<MailChoice, boolean>>,
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
  type: MailChoice,
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
): Promise<MailChoice> {
  if (
    !isMailChoice(link.type) ||
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
): Promise<MailChoice> {
  const type = await checkUnsubscribeLink(deps, link);
  await db.setNotificationEmails(deps.sql, link.user, { [type]: false });
  return type;
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
  const choice = isMailedType(type) ? type : STAFF_NOTIFICATIONS[type];
  // Without SMTP, notification e-mails are not made at all: the notification itself is in the
  // app, and the server log is for mail a user needs (links, alerts, warnings), not every like.
  if (!choice || !deps.config.mail.smtp) return;
  const user = await db.findUserOfAccount(deps.sql, event.recipientId);
  if (!user?.confirmed_at || user.disabled) return;
  if (!notificationEmailChoices(user)[choice]) return;
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
  const messages = mailMessages(user.locale);
  const notifications = `${origin}/notifications`;
  let content: MailContent;
  if (choice === "report") {
    content = messages.staff.report({
      from: fromName,
      host,
      url: `${origin}/admin/reports/${notification.report_id}`,
    });
  } else if (choice === "pending_account") {
    // Mastodon mails staff about sign-ups that wait for them, not every sign-up.
    const newcomer = await db.findUserOfAccount(deps.sql, from.id);
    if (!newcomer || newcomer.approved) return;
    content = messages.staff.pending_account({
      from: fromName,
      host,
      reason: newcomer.registration_reason ?? "",
      url: `${origin}/admin/accounts/pending`,
    });
  } else {
    content = type === "follow"
      ? messages.notification.follow({
        from: fromName,
        url: `${origin}/@${acct}`,
      })
      : type === "follow_request"
      ? messages.notification.follow_request({
        from: fromName,
        url: `${origin}/follow_requests`,
      })
      : messages.notification[choice as MailedNotificationType]({
        from: fromName,
        text,
        url: notifications,
      });
  }
  const mail = await withUnsubscribe(deps, user, choice, content);
  // Claimed and enqueued together: an event handled twice mails once.
  await deps.sql.begin(async (tx) => {
    if (await db.claimNotificationEmail(tx, notification.id)) {
      await enqueueMail(deps, tx, mail);
    }
  });
}

/** The mail, with the footer and headers that let its reader turn this kind off. */
async function withUnsubscribe(
  deps: Pick<Deps, "config" | "secret">,
  user: { id: string; email: string; locale: string | null },
  choice: MailChoice,
  content: MailContent,
) {
  const { host, origin } = deps.config;
  const messages = mailMessages(user.locale);
  const unsubscribe = await unsubscribeUrl(deps, user.id, choice);
  content.footer = messages.notificationFooter({
    host,
    what: messages.notificationTypeNames[choice],
    settingsUrl: `${origin}/settings/preferences`,
    unsubscribeUrl: unsubscribe,
  });
  return renderMail(user.email, content, {
    host,
    origin,
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  });
}

/**
 * Mails a new appeal to each of `recipientIds` (those who may decide appeals) who is a
 * confirmed, enabled user and kept these mails on; written in `tx`, the appeal's transaction.
 */
export async function mailAppealToStaff(
  deps: Pick<Deps, "jobs" | "config" | "secret">,
  tx: Queryable,
  recipientIds: string[],
  appeal: { username: string; text: string },
): Promise<void> {
  if (!deps.config.mail.smtp) return;
  const { host, origin } = deps.config;
  for (const accountId of recipientIds) {
    const user = await db.findUserOfAccount(tx, accountId);
    if (!user?.confirmed_at || user.disabled) continue;
    if (!notificationEmailChoices(user).appeal) continue;
    const content = mailMessages(user.locale).staff.appeal({
      from: `@${appeal.username}`,
      host,
      text: excerpt(appeal.text),
      url: `${origin}/admin/appeals`,
    });
    await enqueueMail(
      deps,
      tx,
      await withUnsubscribe(deps, user, "appeal", content),
    );
  }
}

function excerpt(text: string, max = 500): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}
