/**
 * Blocking an account: the confirm page (routes/@[username]/block.tsx). What blocking does is
 * in `accountActions` (components/BlockConsequences.tsx, shown by the profile menu island too).
 */
export const block = {
  /** `{acct}` */
  title: "Block @{acct}?",
  block: "Block",
  cancel: "Cancel",
};

export type BlockMessages = typeof block;
