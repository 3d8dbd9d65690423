/** Filters (routes/filters, components/FilterFields.tsx): the list and the form. */
export const filters = {
  title: "Filters",
  newFilter: "New filter",
  editFilter: "Edit filter",
  /** The edit page's title. */
  editFilterNamed: (title: string) => `Edit filter ${title}`,
  created: "Filter created.",
  saved: "Filter saved.",
  deleted: "Filter deleted.",
  yourFilters: "Your filters",
  empty:
    "No filters yet. A filter hides posts with words you don't want to see, or puts a warning on them.",
  expired: "Expired",
  noKeywords: "No keywords yet",
  /** Where a filter applies, in its summary: `in Home and lists, Profiles`. */
  inContexts: (contexts: string) => `in ${contexts}`,
  until: (date: string) => `until ${date}`,
  edit: "Edit",
  delete: "Delete",
  save: "Save filter",
  titleLabel: "Title",
  filterIn: "Filter in",
  contexts: {
    home: "Home and lists",
    notifications: "Notifications",
    public: "Public timelines",
    thread: "Conversations",
    account: "Profiles",
  },
  whatAMatchDoes: "What a match does",
  actions: {
    warn: "Hide with a warning",
    blur: "Hide media with a warning",
    hide: "Hide completely",
  },
  actionHints: {
    warn: "Shows that a filter matched, with a button to see the post.",
    blur: "Shows the text but hides the pictures and videos.",
    hide: "The post is not shown at all.",
  },
  expiresAfter: "Expires after",
  keepAsItIs: (expiry: string) => `Keep as it is (${expiry})`,
  durations: {
    never: "Never",
    minutes30: "30 minutes",
    hour1: "1 hour",
    hours6: "6 hours",
    hours12: "12 hours",
    day1: "1 day",
    week1: "1 week",
  },
  keywords: "Keywords and phrases",
  keywordsHelp:
    "A post matches when it contains one of them (case doesn't matter). “Whole word” matches “cat” but not “category”.",
  keyword: "Keyword",
  wholeWord: "Whole word",
  remove: "Remove",
  keywordNumber: (n: number) => `Keyword ${n}`,
  newKeywordNumber: (n: number) => `New keyword ${n}`,
  wholeWordOf: (n: number) => `Whole word only, keyword ${n}`,
  removeKeyword: (keyword: string) => `Remove “${keyword}”`,
};

export type FiltersMessages = typeof filters;
