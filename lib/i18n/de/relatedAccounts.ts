import type { RelatedAccountsMessages } from "../en/relatedAccounts.ts";

export const relatedAccounts: RelatedAccountsMessages = {
  settings: "Einstellungen",
  mutedTitle: "Stummgeschaltete Konten",
  unmute: "Stummschaltung aufheben",
  noMuted: "Du hast niemanden stummgeschaltet.",
  blockedTitle: "Blockierte Konten",
  unblock: "Blockierung aufheben",
  noBlocked: "Du hast niemanden blockiert.",
};
