/** Muted and blocked accounts (components/RelatedAccountsPage.tsx, /settings/mutes and blocks). */
export const relatedAccounts = {
  settings: "Settings",
  mutedTitle: "Muted accounts",
  unmute: "Unmute",
  noMuted: "You haven't muted anyone.",
  blockedTitle: "Blocked accounts",
  unblock: "Unblock",
  noBlocked: "You haven't blocked anyone.",
};

export type RelatedAccountsMessages = typeof relatedAccounts;
