import type { Messages } from "./messages.ts";
import { auth } from "./en/auth.ts";
import { settings } from "./en/settings.ts";
import { errors } from "./en/errors.ts";
import { mail } from "./en/mail.ts";
import { enStatus } from "./en-status.ts";

/** English, the source catalogue. */
export const en: Messages = {
  shell: {
    skipToContent: "Skip to content",
    mainNavigation: "Main",
    home: "Home",
    notifications: "Notifications",
    notificationsUnread: "Notifications ({count} unread)",
    messages: "Messages",
    explore: "Explore",
    search: "Search",
    local: "Local",
    federated: "Federated",
    lists: "Lists",
    bookmarks: "Bookmarks",
    favourites: "Favourites",
    filters: "Filters",
    profile: "Profile",
    settings: "Settings",
    more: "More",
    signIn: "Sign in",
    signUp: "Sign up",
    signOut: "Sign out",
    runsStarling: (host) =>
      `${host} runs Starling, a federated social network server compatible with Mastodon.`,
    about: "About",
    privacyPolicy: "Privacy policy",
    termsOfService: "Terms of service",
  },
  status: enStatus,
  notification: {
    follow: "followed you",
    follow_request: "asked to follow you",
    favourite: "favourited your post",
    reblog: "boosted your post",
    mention: "mentioned you",
    status: "posted",
    update: "edited a post you interacted with",
    poll: "A poll has ended",
    "admin.report": "filed a report",
    "admin.sign_up": "signed up",
    move: "moved to",
    severed_relationships: "lost follows to a moderation decision",
    review: "Review",
    seeWho: "See who (blocked: {domain})",
  },
  language: {
    legend: "Interface language",
  },
  auth,
  settings,
  errors,
  mail,
};
