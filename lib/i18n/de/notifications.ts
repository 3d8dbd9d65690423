import type { NotificationsMessages } from "../en/notifications.ts";
import { counter } from "../count.ts";

const { count } = counter("de");

export const notifications: NotificationsMessages = {
  title: "Mitteilungen",
  titleUnread: (unread) => `Mitteilungen (${unread})`,
  followRequests: "Folgeanfragen",
  filteredSummary: (notifications, people) =>
    `${
      count(notifications, "gefilterte Mitteilung", "gefilterte Mitteilungen")
    } von ${count(people, "Person", "Personen")}`,
  review: "Ansehen",
  empty:
    "Noch nichts da. Wenn dir jemand folgt, dich erwähnt, deine Beiträge teilt oder favorisiert, siehst du es hier.",
  older: "Ältere",
  newer: "Neuere",
  filteredTitle: "Gefilterte Mitteilungen",
  filteredIntro:
    "Deine Mitteilungseinstellungen haben diese zurückgehalten. Akzeptiere ein Profil, um seine Mitteilungen zu sehen (jetzt und künftig), oder verwirf sie.",
  allNotifications: "Alle Mitteilungen",
  accepted: "Akzeptiert: Die Mitteilungen stehen jetzt in deiner Liste.",
  policySaved: "Mitteilungseinstellungen gespeichert.",
  dismissed: "Verworfen.",
  accept: "Akzeptieren",
  dismiss: "Verwerfen",
  count: (n) => count(n, "Mitteilung", "Mitteilungen"),
  noFiltered: "Keine gefilterten Mitteilungen.",
  policyTitle: "Mitteilungen von …",
  forNotFollowing: "Profilen, denen du nicht folgst",
  forNotFollowers: "Profilen, die dir nicht folgen",
  forNewAccounts: "Neuen Konten (jünger als 30 Tage)",
  forPrivateMentions: "Unerwünschten privaten Erwähnungen",
  forLimitedAccounts: "Von der Moderation eingeschränkten Konten",
  policyAccept: "Anzeigen",
  policyFilter: "Filtern (hier prüfen)",
  policyDrop: "Ignorieren",
  savePolicy: "Mitteilungseinstellungen speichern",
};
