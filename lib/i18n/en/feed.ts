/**
 * A timeline's live parts: "N new posts" (islands/NewPostsBanner.tsx) and "Older posts"
 * (islands/LoadMore.tsx). `{count}` is filled in with `fill()`.
 */
export const feed = {
  newPostsOne: "{count} new post",
  newPostsMany: "{count} new posts",
  olderPosts: "Older posts",
  loading: "Loading…",
  /** Read out while the next page loads. */
  loadingOlder: "Loading older posts…",
  olderLoadedOne: "{count} older post loaded.",
  olderLoadedMany: "{count} older posts loaded.",
  /** Read out after the count when there is nothing older. */
  everything: "That's everything.",
  end: "You've reached the end.",
};

export type FeedMessages = typeof feed;
