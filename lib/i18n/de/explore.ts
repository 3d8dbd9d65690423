import type { ExploreMessages } from "../en/explore.ts";
import { counter } from "../count.ts";

const { count } = counter("de");

export const explore: ExploreMessages = {
  title: "Entdecken",
  titleOf: (tab) => `Entdecken: ${tab}`,
  intro: "Worüber die Leute hier gerade sprechen.",
  tabPosts: "Beiträge",
  tabTags: "Hashtags",
  tabLinks: "Neuigkeiten",
  tabPeople: "Profile",
  trendingPosts: "Angesagte Beiträge",
  trendingTags: "Angesagte Hashtags",
  trendingLinks: "Angesagte Links",
  nothingTrending: "Noch ist nichts angesagt.",
  sharedBy: (accounts) =>
    `geteilt von ${count(accounts, "Person", "Personen")}`,
  suggestedPeople: "Vorgeschlagene Profile",
  activePeople: "Aktive Profile",
  suggestedIntro: "Profile, denen du vielleicht folgen möchtest.",
  activeIntro: "Profile, die auf diesem Server zuletzt aktiv waren.",
  noOneToSuggest: "Noch keine Vorschläge.",
  search: "Suche",
  searchTitle: (q) => `${q} · Suche`,
  searchLabel: "Nach Profilen, Hashtags oder Beiträgen suchen",
  searchPlaceholder: "alice, @bob@example.social oder #hashtag",
  people: "Profile",
  hashtags: "Hashtags",
  posts: "Beiträge",
  nothingFound: (q) =>
    `Nichts gefunden für „${q}“. Um jemanden auf einem anderen Server zu finden, suche nach der vollständigen Adresse, etwa @name@example.social.`,
};
