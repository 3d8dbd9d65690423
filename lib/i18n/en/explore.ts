import { counter } from "../count.ts";

const { count } = counter("en");

/** What trends here (routes/explore.tsx) and searching (routes/search.tsx). */
export const explore = {
  title: "Explore",
  /** The page title: `Explore: Hashtags`. */
  titleOf: (tab: string) => `Explore: ${tab}`,
  intro: "What people here are talking about.",
  tabPosts: "Posts",
  tabTags: "Hashtags",
  tabLinks: "News",
  tabPeople: "People",
  trendingPosts: "Trending posts",
  trendingTags: "Trending hashtags",
  trendingLinks: "Trending links",
  nothingTrending: "Nothing trending yet.",
  sharedBy: (accounts: number) =>
    `shared by ${count(accounts, "person", "people")}`,
  suggestedPeople: "Suggested people",
  activePeople: "Active people",
  suggestedIntro: "People you might like to follow.",
  activeIntro: "People active on this server lately.",
  noOneToSuggest: "No one to suggest yet.",
  search: "Search",
  /** The page title of a search: `cats · Search`. */
  searchTitle: (q: string) => `${q} · Search`,
  searchLabel: "Search for people, hashtags or posts",
  searchPlaceholder: "alice, @bob@example.social or #hashtag",
  people: "People",
  hashtags: "Hashtags",
  posts: "Posts",
  nothingFound: (q: string) =>
    `Nothing found for “${q}”. For someone on another server, search their full address, like @name@example.social.`,
};

export type ExploreMessages = typeof explore;
