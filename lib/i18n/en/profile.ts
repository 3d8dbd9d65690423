import { counter } from "../count.ts";

const { format } = counter("en");

/**
 * A profile's pages (components/ProfileHeader.tsx, ProfilePage.tsx, AccountListPage.tsx and
 * lib/web/profile.ts): header, counts, tabs, the lists under them and their empty states.
 */
export const profile = {
  /** `{name} has moved to` the new account's link. */
  movedTo: (name: string) => `${name} has moved to`,
  unblock: "Unblock",
  editProfile: "Edit profile",
  follow: "Follow",
  approvesFollowers: "Approves followers",
  followsYou: "Follows you",
  blocked: "Blocked",
  muted: "Muted",
  blocksYou: "Blocks you",
  /** A count's number, formatted for the language. */
  number: format,
  /** The word after the posts count. */
  postsNoun: (n: number): string => n === 1 ? "post" : "posts",
  followingNoun: (_n: number): string => "following",
  followersNoun: (n: number): string => n === 1 ? "follower" : "followers",
  joined: (date: string) => `Joined ${date}`,
  remoteNote: "This account is on another server; counts may be incomplete.",
  seeOriginal: "See the original profile",
  sections: "Profile sections",
  tabPosts: "Posts",
  tabWithReplies: "Posts and replies",
  tabMedia: "Media",
  tabFollowers: "Followers",
  tabFollowing: "Following",
  postsBy: (name: string) => `Posts by ${name}`,
  postsTaggedBy: (name: string, tag: string) =>
    `Posts by ${name} tagged #${tag}`,
  mediaBy: (name: string) => `Media by ${name}`,
  postsAndRepliesBy: (name: string) => `Posts and replies by ${name}`,
  followersOf: (name: string) => `People who follow ${name}`,
  followedBy: (name: string) => `People ${name} follows`,
  blockedPostsHidden: "You've blocked this account, so its posts are hidden.",
  noPostsTagged: (tag: string) => `No posts tagged #${tag} yet.`,
  noMedia: "No posts with pictures yet.",
  noPosts: "No posts yet.",
  noFollowers: "No followers yet.",
  notFollowing: "Not following anyone yet.",
  /** Paging links of the followers and following lists. */
  more: "More",
  back: "Back",
  /** `@bob@remote.example` asked for by a visitor (404). */
  notKnownHere: (acct: string) =>
    `@${acct} isn't known on this server yet. Sign in to look the account up on its own server.`,
  notFound: (acct: string) =>
    `We couldn't find @${acct}. Check the address, or try again later if its server is down.`,
  /** The badge of an automated account, and its tooltip. */
  bot: "Bot",
  botTitle: "Automated account",
};

export type ProfileMessages = typeof profile;
