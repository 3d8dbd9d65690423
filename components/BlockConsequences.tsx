import type { AccountActionsMessages } from "../lib/i18n/en/account-actions.ts";

export type BlockConsequencesLabels = Pick<
  AccountActionsMessages,
  "blockHidesPosts" | "blockStopsFollowing" | "blockEndsFollows"
>;

/**
 * What blocking does, in the words the confirm page and the dialog share. Rendered inside
 * islands too, so the strings come as a prop (lib/i18n `accountActions`).
 */
export function BlockConsequences(
  { labels: t }: { labels: BlockConsequencesLabels },
) {
  return (
    <ul class="consequences">
      <li>{t.blockHidesPosts}</li>
      <li>{t.blockStopsFollowing}</li>
      <li>{t.blockEndsFollows}</li>
    </ul>
  );
}
