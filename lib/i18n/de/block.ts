import type { BlockMessages } from "../en/block.ts";

export const block: BlockMessages = {
  title: "@{acct} blockieren?",
  theirPostsHidden:
    "Du siehst weder ihre Beiträge noch Mitteilungen von ihnen.",
  theyCantFollow:
    "Sie können dir nicht folgen und deine Beiträge nicht sehen, solange sie angemeldet sind.",
  followsEnd: "Gegenseitiges Folgen endet.",
  block: "Blockieren",
  cancel: "Abbrechen",
};
