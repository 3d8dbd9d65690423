import type { AccountActionsMessages } from "../en/account-actions.ts";

export const accountActions: AccountActionsMessages = {
  follow: "Folgen",
  requestToFollow: "Folgen anfragen",
  unfollow: "Entfolgen",
  cancelFollowRequest: "Folgeanfrage zurückziehen",
  moreFor: "Weitere Aktionen für @{acct}",
  mute: "@{acct} stummschalten",
  unmute: "Stummschaltung von @{acct} aufheben",
  block: "@{acct} blockieren",
  unblock: "Blockierung von @{acct} aufheben",
  report: "@{acct} melden",
  blockQuestion: "@{acct} blockieren?",
  blockConfirm: "Blockieren",
  cancel: "Abbrechen",
  blockHidesPosts:
    "Du siehst ihre Beiträge nicht mehr und bekommst keine Mitteilungen mehr von ihnen.",
  blockStopsFollowing:
    "Sie können dir nicht folgen und deine Beiträge nicht sehen, solange sie angemeldet sind.",
  blockEndsFollows: "Alle Folgebeziehungen zwischen euch enden.",
};
