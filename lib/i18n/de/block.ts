import type { BlockMessages } from "../en/block.ts";

export const block: BlockMessages = {
  title: "@{acct} blockieren?",
  block: "Blockieren",
  cancel: "Abbrechen",
};
