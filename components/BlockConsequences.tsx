import { block, type BlockMessages } from "../lib/i18n/en/block.ts";

/**
 * What blocking does, in the words the confirm page and the dialog share. Strings only (the
 * profile menu island shows it too); English when not given.
 */
export function BlockConsequences(
  { labels = block }: {
    labels?: Pick<
      BlockMessages,
      "theirPostsHidden" | "theyCantFollow" | "followsEnd"
    >;
  },
) {
  return (
    <ul class="consequences">
      <li>{labels.theirPostsHidden}</li>
      <li>{labels.theyCantFollow}</li>
      <li>{labels.followsEnd}</li>
    </ul>
  );
}
