import { counter } from "../count.ts";

const { count } = counter("en");

/** A post's own page in its thread (routes/@[username]/[id].tsx) and its edit history. */
export const thread = {
  postBy: (name: string) => `Post by ${name}`,
  conversation: "Conversation",
  editHistory: "Edit history",
  backToPost: "Back to the post",
  original: "Original",
  currentVersion: "Current version",
  edited: "Edited",
  contentWarning: (text: string) => `Content warning: ${text}`,
  attachments: (n: number) => count(n, "attachment", "attachments"),
  /** The page title: `@alice: "first words…"`. */
  headTitle: (handle: string, excerpt: string) => `${handle}: "${excerpt}"`,
  /** A content warning standing in for the text it hides, in the title and preview. */
  headWarning: (text: string) => `CW: ${text}`,
  /** The title of a post with no text. */
  headPicture: "a picture",
  headPost: "a post",
};

export type ThreadMessages = typeof thread;
