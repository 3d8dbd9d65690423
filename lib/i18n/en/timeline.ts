/**
 * Timelines and the pages that are one: the list itself and its paging (components/Timeline.tsx),
 * Home with its announcements, the live feeds, hashtags, bookmarks and favourites.
 */
export const timeline = {
  /** A list of posts with nothing in it. */
  nothingHere: "Nothing here yet.",
  olderPosts: "Older posts",
  newerPosts: "Newer posts",
  /** The paging links' navigation landmark. */
  pages: "Pages",
  home: "Home",
  homeTimeline: "Home timeline",
  newPost: "New post",
  homeEmpty:
    "Your home timeline is empty. Follow people to see their posts here — try the local timeline to find some.",
  announcements: "Announcements",
  dismiss: "Dismiss",
  localTitle: "Local timeline",
  localDescription: (host: string) => `Public posts from people on ${host}.`,
  localEmpty: "No public posts on this server yet.",
  federatedTitle: "Federated timeline",
  federatedDescription:
    "Public posts from this server and every server it knows.",
  federatedEmpty: "No public posts known yet.",
  liveFeeds: "Live feeds",
  thisServer: "This server",
  otherServersToo: "Other servers too",
  tagDescription: (tag: string) => `Public posts tagged #${tag}.`,
  tagEmpty: (tag: string) => `No public posts tagged #${tag} yet.`,
  bookmarks: "Bookmarks",
  bookmarksEmpty: "No bookmarks yet. Bookmark a post to find it here later.",
  favourites: "Favourites",
  favouritesEmpty: "No favourites yet.",
};

export type TimelineMessages = typeof timeline;
