/**
 * Acting on an account: the follow button (islands/FollowButton.tsx) and a profile's "More"
 * menu (islands/ProfileMenu.tsx) with its block dialog (components/BlockConsequences.tsx).
 * `{acct}` is filled in with `fill()`.
 */
export const accountActions = {
  follow: "Follow",
  requestToFollow: "Request to follow",
  unfollow: "Unfollow",
  cancelFollowRequest: "Cancel follow request",
  /** The menu's name, read out. */
  moreFor: "More actions for @{acct}",
  mute: "Mute @{acct}",
  unmute: "Unmute @{acct}",
  block: "Block @{acct}",
  unblock: "Unblock @{acct}",
  report: "Report @{acct}",
  blockQuestion: "Block @{acct}?",
  blockConfirm: "Block",
  cancel: "Cancel",
  /** What blocking does, as a list. */
  blockHidesPosts: "You won't see their posts or notifications from them.",
  blockStopsFollowing:
    "They can't follow you or see your posts while signed in.",
  blockEndsFollows: "Any follows between you end.",
};

export type AccountActionsMessages = typeof accountActions;
