/**
 * Blocking an account: the confirm page (routes/@[username]/block.tsx) and what blocking does
 * (components/BlockConsequences.tsx, which the profile menu island shows too: strings only).
 */
export const block = {
  /** `{acct}` */
  title: "Block @{acct}?",
  theirPostsHidden: "You won't see their posts or notifications from them.",
  theyCantFollow: "They can't follow you or see your posts while signed in.",
  followsEnd: "Any follows between you end.",
  block: "Block",
  cancel: "Cancel",
};

export type BlockMessages = typeof block;
