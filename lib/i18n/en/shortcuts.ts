/**
 * The keyboard shortcuts' help (islands/KeyboardShortcuts.tsx, in every page's footer): what
 * each of Mastodon's keys does here.
 */
export const shortcuts = {
  title: "Keyboard shortcuts",
  close: "Close",
  newPost: "Write a new post",
  next: "Next post",
  previous: "Previous post",
  reply: "Reply to the post in focus",
  boost: "Boost the post in focus",
  favourite: "Favourite the post in focus",
  open: "Open the post in focus",
  help: "Show these shortcuts",
};

export type ShortcutsMessages = typeof shortcuts;
