import type { Messages } from "./messages.ts";
import { admin } from "./en/admin.ts";
import { adminModeration } from "./en/adminModeration.ts";
import { adminFederation } from "./en/adminFederation.ts";
import { adminServer } from "./en/adminServer.ts";
import { invites } from "./en/invites.ts";
import { auth } from "./en/auth.ts";
import { settings } from "./en/settings.ts";
import { errorPages } from "./en/error-pages.ts";
import { mail } from "./en/mail.ts";
import { enStatus } from "./en-status.ts";
import { timeline } from "./en/timeline.ts";
import { profile } from "./en/profile.ts";
import { block } from "./en/block.ts";
import { notifications } from "./en/notifications.ts";
import { followRequests } from "./en/followRequests.ts";
import { explore } from "./en/explore.ts";
import { filters } from "./en/filters.ts";
import { lists } from "./en/lists.ts";
import { conversations } from "./en/conversations.ts";
import { report } from "./en/report.ts";
import { thread } from "./en/thread.ts";
import { about } from "./en/about.ts";
import { interact } from "./en/interact.ts";
import { errors } from "./en/errors.ts";

import { compose } from "./en/compose.ts";
import { poll } from "./en/poll.ts";
import { shortcuts } from "./en/shortcuts.ts";
import { feed } from "./en/feed.ts";
import { accountActions } from "./en/account-actions.ts";
import { push } from "./en/push.ts";

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
  timeline,
  profile,
  block,
  notifications,
  followRequests,
  explore,
  filters,
  lists,
  conversations,
  report,
  thread,
  about,
  interact,
  errorPages,
  compose,
  poll,
  shortcuts,
  feed,
  accountActions,
  push,
  admin,
  adminModeration,
  adminFederation,
  adminServer,
  invites,
  auth,
  settings,
  errors,
  mail,
};
