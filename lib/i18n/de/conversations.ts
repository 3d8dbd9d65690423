import type { ConversationsMessages } from "../en/conversations.ts";

export const conversations: ConversationsMessages = {
  title: "Direktnachrichten",
  newMessage: "Neue Nachricht",
  conversations: "Unterhaltungen",
  theConversationWith: (people) => ` – Unterhaltung mit ${people}`,
  unread: "Ungelesen",
  with: (people) => `Mit ${people}`,
  open: "Öffnen",
  markRead: "Als gelesen markieren",
  remove: "Entfernen",
  empty:
    "Noch keine Direktnachrichten. Ein Beitrag mit der Sichtbarkeit „Nur erwähnte Profile“ beginnt eine.",
  more: "Weitere Unterhaltungen",
  newer: "Neuere Unterhaltungen",
  older: "Ältere Unterhaltungen",
  unknownAction: "Unbekannte Aktion.",
};
