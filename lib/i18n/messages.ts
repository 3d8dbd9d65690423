import type { ComposeMessages } from "./en/compose.ts";
import type { PollMessages } from "./en/poll.ts";
import type { ShortcutsMessages } from "./en/shortcuts.ts";
import type { FeedMessages } from "./en/feed.ts";
import type { AccountActionsMessages } from "./en/account-actions.ts";
import type { PushMessages } from "./en/push.ts";

import type { AdminMessages } from "./en/admin.ts";
import type { AdminModerationMessages } from "./en/adminModeration.ts";
import type { AdminFederationMessages } from "./en/adminFederation.ts";
import type { AdminServerMessages } from "./en/adminServer.ts";
import type { InvitesMessages } from "./en/invites.ts";
/**
 * The shape every catalogue has. A locale's catalogue is typed against it, so a string missing
 * from one fails `deno check` rather than showing up in English (or blank) at run time.
 *
 * A section for one part of the UI lives in its own pair of files: `en/<section>.ts` is the
 * source (`export const <section> = {…}` with doc comments, `export type <Section>Messages =
 * typeof <section>`) and `de/<section>.ts` is typed against that type. Register a section with
 * one line here and one in each of `en.ts` and `de.ts`. `{name}` in a string marks a value
 * filled in with `fill()` (strings travel to islands as props); a page-only string may be a
 * function instead.
 */
import type { AuthMessages } from "./en/auth.ts";
import type { SettingsMessages } from "./en/settings.ts";
import type { FormErrorMessages } from "./en/errors.ts";
import type { MailMessages } from "./en/mail.ts";

/** The kinds of attachment a post's summary names. */
export type MediaKind = "image" | "gifv" | "video" | "audio" | "unknown";

export interface Messages {
  /** The page shell: skip link, header navigation, footer (routes/_app.tsx). */
  shell: {
    skipToContent: string;
    mainNavigation: string;
    home: string;
    notifications: string;
    /** `{count}` stands for the number (islands get strings, not functions). */
    notificationsUnread: string;
    messages: string;
    explore: string;
    search: string;
    local: string;
    federated: string;
    lists: string;
    bookmarks: string;
    favourites: string;
    filters: string;
    profile: string;
    settings: string;
    more: string;
    signIn: string;
    signUp: string;
    signOut: string;
    runsStarling: (host: string) => string;
    about: string;
    privacyPolicy: string;
    termsOfService: string;
  };
  /**
   * A post as shown everywhere (components/StatusCard.tsx, StatusMenu.tsx, islands/ActionBar.tsx).
   * Strings only: they travel to islands as props. `{…}` marks what is filled in.
   */
  status: {
    visibilityPublic: string;
    visibilityUnlisted: string;
    visibilityPrivate: string;
    visibilityDirect: string;
    inReplyTo: string;
    contentWarning: string;
    filtered: string;
    /** Sensitive media behind a switch (components/MediaGallery.tsx). */
    sensitiveContent: string;
    showMedia: string;
    /** A link to an attachment that is not a picture; `{type}` is the API's type. */
    mediaAttachment: string;
    /**
     * What is attached, named in a closed content warning (`2 images, 1 video`): each kind's
     * one and other form; `unknown` for any other kind.
     */
    mediaNouns: Record<MediaKind, [one: string, other: string]>;
    /** `{date}` */
    edited: string;
    reply: string;
    boost: string;
    boostUnavailable: string;
    favourite: string;
    bookmark: string;
    repliesCount: string;
    boostsCount: string;
    favouritesCount: string;
    more: string;
    moreActions: string;
    copyLink: string;
    linkCopied: string;
    mute: string;
    unmute: string;
    pin: string;
    unpin: string;
    edit: string;
    deleteOrRedraft: string;
    /** `{acct}` */
    report: string;
  };
  /** What a notification says after its sender's name (components/NotificationItem.tsx). */
  notification: {
    follow: string;
    follow_request: string;
    favourite: string;
    reblog: string;
    mention: string;
    status: string;
    update: string;
    poll: string;
    "admin.report": string;
    "admin.sign_up": string;
    move: string;
    severed_relationships: string;
    review: string;
    /** `{domain}` */
    seeWho: string;
  };
  /** The interface-language setting (routes/settings/preferences.tsx). */
  language: {
    legend: string;
  };
  timeline: import("./en/timeline.ts").TimelineMessages;
  profile: import("./en/profile.ts").ProfileMessages;
  block: import("./en/block.ts").BlockMessages;
  notifications: import("./en/notifications.ts").NotificationsMessages;
  followRequests: import("./en/followRequests.ts").FollowRequestsMessages;
  explore: import("./en/explore.ts").ExploreMessages;
  filters: import("./en/filters.ts").FiltersMessages;
  lists: import("./en/lists.ts").ListsMessages;
  conversations: import("./en/conversations.ts").ConversationsMessages;
  report: import("./en/report.ts").ReportMessages;
  thread: import("./en/thread.ts").ThreadMessages;
  about: import("./en/about.ts").AboutMessages;
  interact: import("./en/interact.ts").InteractMessages;
  errorPages: import("./en/error-pages.ts").ErrorPagesMessages;
  compose: ComposeMessages;
  poll: PollMessages;
  shortcuts: ShortcutsMessages;
  feed: FeedMessages;
  accountActions: AccountActionsMessages;
  push: PushMessages;
  /** The moderation area's frame, dashboard, roles, audit log (lib/i18n/en/admin.ts). */
  admin: AdminMessages;
  /** Accounts, reports, appeals in the moderation area. */
  adminModeration: AdminModerationMessages;
  /** Domain, e-mail and IP blocks, allowlist, blocklist subscriptions. */
  adminFederation: AdminFederationMessages;
  /** Server settings, rules, announcements, emoji, hashtags, trends, presets. */
  adminServer: AdminServerMessages;
  /** Invite links (/invites and the table /admin/invites shares). */
  invites: InvitesMessages;
  /** Signing in and up, the second factor, address confirmation, password reset, app consent. */
  auth: AuthMessages;
  /** The settings pages, account status (strikes), severed relationships, unsubscribing. */
  settings: SettingsMessages;
  /** Refusals shown in forms (lib/web/form-errors.ts maps the domain's English to these). */
  errors: FormErrorMessages;
  /** Every e-mail (lib/mail, by the recipient's users.locale). */
  mail: MailMessages;
}
