import type { FeedMessages } from "../en/feed.ts";

export const feed: FeedMessages = {
  newPostsOne: "{count} neuer Beitrag",
  newPostsMany: "{count} neue Beiträge",
  olderPosts: "Ältere Beiträge",
  loading: "Wird geladen …",
  loadingOlder: "Ältere Beiträge werden geladen …",
  olderLoadedOne: "{count} älterer Beitrag geladen.",
  olderLoadedMany: "{count} ältere Beiträge geladen.",
  everything: "Das ist alles.",
  end: "Du bist am Ende angekommen.",
};
