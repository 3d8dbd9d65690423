/**
 * Every e-mail Starling sends, in English (the source; de/mail.ts is typed against it). A mail
 * is a `MailContent` (lib/mail/content.ts: subject, paragraphs, one button, small print) that
 * lib/mail/render.ts turns into its plain-text and HTML parts; lib/mail chooses the catalogue
 * by the recipient's users.locale.
 */
import type {
  MailChoice,
  MailContent,
  MailedNotificationType,
  StaffMailType,
  WarningAction,
} from "../../mail/content.ts";

interface Who {
  username: string;
  host: string;
}

export const mail = {
  confirmation: (p: Who & { url: string }): MailContent => ({
    subject: `Confirm your e-mail address on ${p.host}`,
    body: [
      `Welcome to ${p.host}, @${p.username}! Please confirm that this is your e-mail address: until then you can sign in, but not post.`,
    ],
    action: { label: "Confirm e-mail address", url: p.url },
    after: [
      "The link works for 24 hours. If it has run out, sign in and ask for a new one.",
      "If you didn't sign up, ignore this e-mail.",
    ],
  }),
  passwordReset: (p: Who & { url: string }): MailContent => ({
    subject: `Reset your password on ${p.host}`,
    body: [
      `Someone (hopefully you) asked to reset the password of @${p.username} on ${p.host}.`,
    ],
    action: { label: "Choose a new password", url: p.url },
    after: [
      "The link works once, for 1 hour. Setting a new password signs you out on every device and app.",
      "If you didn't ask for this, ignore this e-mail: your password stays as it is.",
    ],
  }),
  emailChangeConfirmation: (p: Who & { url: string }): MailContent => ({
    subject: `Confirm your new e-mail address on ${p.host}`,
    body: [
      `@${p.username} on ${p.host} asked to use this e-mail address from now on. It changes once you confirm it.`,
    ],
    action: { label: "Confirm new e-mail address", url: p.url },
    after: [
      "The link works for 24 hours. If you didn't ask for this, ignore this e-mail.",
    ],
  }),
  emailChangeNotice: (
    p: Who & { newEmail: string; url: string },
  ): MailContent => ({
    subject: `Your e-mail address on ${p.host} is being changed`,
    body: [
      `Someone signed in as @${p.username} on ${p.host} asked to change the account's e-mail address to ${p.newEmail}. The change happens once that address is confirmed; until then this address stays.`,
      "If this wasn't you, change your password now: whoever did it knows it.",
    ],
    action: { label: "Change password", url: p.url },
  }),
  signInAlert: (
    p: Who & { ip: string; browser: string; time: string; url: string },
  ): MailContent => ({
    subject: `New sign-in to your account on ${p.host}`,
    body: [
      `@${p.username} was signed in to from an address it hasn't signed in from before:`,
      `Address: ${p.ip}\nBrowser: ${p.browser}\nTime: ${p.time}`,
      "If this was you, there is nothing to do. If it wasn't, change your password now: that signs out every other device and app.",
    ],
    action: { label: "Change password", url: p.url },
  }),
  warning: (
    p: Who & { action: WarningAction; text: string; url: string },
  ): MailContent => ({
    subject: mail.warningSubjects[p.action](p.host),
    body: [
      `The moderators of ${p.host} took action on @${p.username}: ${
        mail.warningActions[p.action]
      }`,
      ...(p.text ? [`Their explanation:\n${p.text}`] : []),
      p.action === "disable" || p.action === "suspend"
        ? "While this lasts you can't sign in, so this e-mail is your copy of the warning. It is kept on its page, where it can be appealed once you can sign in again."
        : "You can read this warning on its page, and appeal it there once if you think it is a mistake; a moderator will look at the appeal.",
    ],
    action: { label: "Read and appeal", url: p.url },
  }),
  notification: {
    follow: (p: { from: string; url: string }): MailContent => ({
      subject: `${p.from} followed you`,
      body: [`${p.from} is now following you.`],
      action: { label: "View profile", url: p.url },
    }),
    follow_request: (p: { from: string; url: string }): MailContent => ({
      subject: `${p.from} asked to follow you`,
      body: [
        `${p.from} asked to follow you. Your account is locked, so they see your followers-only posts once you accept.`,
      ],
      action: { label: "Review follow requests", url: p.url },
    }),
    mention: (p: { from: string; text: string; url: string }): MailContent => ({
      subject: `${p.from} mentioned you`,
      body: [`${p.from} mentioned you:`, p.text],
      action: { label: "Open notifications", url: p.url },
    }),
    reblog: (p: { from: string; text: string; url: string }): MailContent => ({
      subject: `${p.from} boosted your post`,
      body: [`${p.from} boosted your post:`, p.text],
      action: { label: "Open notifications", url: p.url },
    }),
    favourite: (
      p: { from: string; text: string; url: string },
    ): MailContent => ({
      subject: `${p.from} favourited your post`,
      body: [`${p.from} favourited your post:`, p.text],
      action: { label: "Open notifications", url: p.url },
    }),
  } satisfies Record<MailedNotificationType, unknown>,
  /** To moderators whose role may act on it. */
  staff: {
    report: (p: { from: string; host: string; url: string }): MailContent => ({
      subject: `New report on ${p.host}`,
      body: [`${p.from} filed a report. A moderator should review it.`],
      action: { label: "Review the report", url: p.url },
    }),
    pending_account: (
      p: { from: string; host: string; reason: string; url: string },
    ): MailContent => ({
      subject: `New account waiting for review on ${p.host}`,
      body: [
        `${p.from} signed up and waits for approval.`,
        ...(p.reason ? [`Why they want to join:\n${p.reason}`] : []),
      ],
      action: { label: "Review pending accounts", url: p.url },
    }),
    appeal: (
      p: { from: string; host: string; text: string; url: string },
    ): MailContent => ({
      subject: `New appeal on ${p.host}`,
      body: [`${p.from} appealed a moderation decision:`, p.text],
      action: { label: "Review appeals", url: p.url },
    }),
  } satisfies Record<StaffMailType, unknown>,
  notificationFooter: (
    p: {
      host: string;
      what: string;
      settingsUrl: string;
      unsubscribeUrl: string;
    },
  ): string[] => [
    `You get this e-mail because you chose e-mails about ${p.what} on ${p.host}. Choose which e-mails you get: ${p.settingsUrl}`,
    `Stop e-mails about ${p.what}: ${p.unsubscribeUrl}`,
  ],
  /** How the preferences page and the unsubscribe page name each type. */
  notificationTypeNames: {
    follow: "new followers",
    follow_request: "follow requests",
    mention: "mentions",
    reblog: "boosts of your posts",
    favourite: "favourites of your posts",
    report: "new reports (moderators)",
    pending_account: "accounts waiting for approval (moderators)",
    appeal: "new appeals (moderators)",
  } satisfies Record<MailChoice, string>,
  unknownBrowser: "an unknown browser",
  /** When a sign-in happened, in the sign-in alert. */
  signInTime: (date: Date): string => date.toUTCString(),
  /** A warning's subject, per action. */
  warningSubjects: {
    none: (host) => `You have received a warning from ${host}`,
    sensitive: (host) => `Your media will be marked sensitive on ${host}`,
    disable: (host) => `Your account on ${host} has been disabled`,
    silence: (host) => `Your account on ${host} has been limited`,
    suspend: (host) => `Your account on ${host} has been suspended`,
  } satisfies Record<WarningAction, (host: string) => string>,
  /** What was done, per action (after "took action on @name: "). */
  warningActions: {
    none: "a warning.",
    sensitive:
      "from now on, media in your posts are marked sensitive for others.",
    disable: "your account is disabled; you can't sign in.",
    silence:
      "your account is limited: only people who follow you see your posts on public timelines.",
    suspend:
      "your account is suspended: your profile and posts are hidden and you can't sign in.",
  } satisfies Record<WarningAction, string>,
};

export type MailMessages = typeof mail;
