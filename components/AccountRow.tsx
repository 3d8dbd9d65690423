import type { UiAccount, UiRelationship } from "./mastodon.ts";
import { Avatar } from "./Avatar.tsx";
import { displayName, profilePath } from "./format.ts";
import FollowButton, { type FollowLabels } from "../islands/FollowButton.tsx";
import type { ComponentChildren } from "preact";
import { BotBadge } from "./BotBadge.tsx";
import { EmojiText } from "./CustomEmoji.tsx";
import type { AccountActionsMessages } from "../lib/i18n/en/account-actions.ts";

/** Only the button's four strings travel with each button (a list page has dozens). */
export function followLabels(t: AccountActionsMessages): FollowLabels {
  const { follow, requestToFollow, unfollow, cancelFollowRequest } = t;
  return { follow, requestToFollow, unfollow, cancelFollowRequest };
}

/**
 * With a `relationship` the row has a follow button, and then its strings in the page's
 * language (`messages(ctx).accountActions`) are required; without one there is no button.
 */
type FollowButtonProps =
  | {
    relationship: UiRelationship | null;
    actionLabels: AccountActionsMessages;
  }
  | { relationship?: undefined; actionLabels?: undefined };

/** One account in a list: avatar, names, and a follow button or other actions. */
export function AccountRow(
  {
    account,
    relationship,
    csrf,
    returnTo,
    children,
    actionLabels,
  }: {
    account: UiAccount;
    csrf: string;
    returnTo: string;
    children?: ComponentChildren;
  } & FollowButtonProps,
) {
  return (
    <div class="account-row">
      {/* A mouse shortcut: the name beside it is the link for keyboards and screen readers. */}
      <a
        href={profilePath(account)}
        tabIndex={-1}
        class="status-avatar"
        aria-hidden="true"
      >
        <Avatar account={account} />
      </a>
      <div class="status-author">
        <a href={profilePath(account)} class="display-name">
          <EmojiText text={displayName(account)} emojis={account.emojis} />
        </a>
        <span class="acct">@{account.acct}</span>
        {account.bot && <BotBadge />}
      </div>
      <div class="account-actions">
        {children}
        {relationship && actionLabels && (
          <FollowButton
            accountId={account.id}
            acct={account.acct}
            displayName={displayName(account)}
            following={relationship.following}
            requested={relationship.requested}
            locked={account.locked}
            csrf={csrf}
            returnTo={returnTo}
            labels={followLabels(actionLabels)}
          />
        )}
      </div>
    </div>
  );
}
