import type { Messages } from "./messages.ts";

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
  language: {
    legend: "Interface language",
  },
};
