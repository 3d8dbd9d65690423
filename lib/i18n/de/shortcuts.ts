import type { ShortcutsMessages } from "../en/shortcuts.ts";

export const shortcuts: ShortcutsMessages = {
  title: "Tastenkürzel",
  close: "Schließen",
  newPost: "Neuen Beitrag verfassen",
  next: "Nächster Beitrag",
  previous: "Vorheriger Beitrag",
  reply: "Auf den ausgewählten Beitrag antworten",
  boost: "Den ausgewählten Beitrag teilen",
  favourite: "Den ausgewählten Beitrag favorisieren",
  open: "Den ausgewählten Beitrag öffnen",
  help: "Diese Tastenkürzel anzeigen",
};
