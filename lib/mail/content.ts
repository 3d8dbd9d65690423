/**
 * What a mail says, before `render.ts` makes its plain-text and HTML parts: a `MailContent`
 * (subject, paragraphs, one button, small print). The words are the `mail` section of the
 * message catalogues (lib/i18n/en/mail.ts); `mailMessages` picks the recipient's language from
 * their users.locale (English when Starling has none for it).
 */
import { localeFor, messagesFor } from "../i18n/mod.ts";
import type { MailMessages } from "../i18n/en/mail.ts";

export interface MailContent {
  subject: string;
  /** Paragraphs before the button. */
  body: string[];
  /** The one thing to do: a link, shown as a button in HTML and as the bare URL in text. */
  action?: { label: string; url: string };
  /** Paragraphs after it (how long the link works, "not you?"). */
  after?: string[];
  /** Small print: why this mail came and how to stop it. */
  footer?: string[];
}

/** The notification types that can be mailed (Mastodon's `notification_emails`). */
export type MailedNotificationType =
  | "follow"
  | "follow_request"
  | "mention"
  | "reblog"
  | "favourite";

/** The e-mails staff get (Mastodon's AdminMailer, and its setting names). */
export type StaffMailType = "report" | "pending_account" | "appeal";

/** Every kind of e-mail a user may turn off in their preferences. */
export type MailChoice = MailedNotificationType | StaffMailType;

/** What a moderator did, as the warning's `action`. */
export type WarningAction =
  | "none"
  | "sensitive"
  | "disable"
  | "silence"
  | "suspend";

/** The mail strings for a recipient whose users.locale is `locale` (`de`, `de-AT`, `pt-BR`, …). */
export function mailMessages(locale: string | null | undefined): MailMessages {
  return messagesFor(localeFor(locale, null)).mail;
}
