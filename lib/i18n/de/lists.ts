import type { ListsMessages } from "../en/lists.ts";

export const lists: ListsMessages = {
  title: "Listen",
  yourLists: "Deine Listen",
  exclusive: "Exklusiv",
  edit: "Bearbeiten",
  empty:
    "Noch keine Listen. Eine Liste ist eine Timeline mit einigen der Profile, denen du folgst.",
  newList: "Neue Liste",
  createList: "Liste erstellen",
  titleLabel: "Titel",
  showReplies: "Antworten anzeigen",
  repliesList: "Antworten an Mitglieder der Liste",
  repliesFollowed: "Antworten an alle, denen du folgst",
  repliesNone: "Keine Antworten",
  exclusiveLabel:
    "Diese Beiträge auf der Startseite ausblenden (exklusive Liste)",
  editList: "Liste bearbeiten",
  editListNamed: (title) => `Liste ${title} bearbeiten`,
  timelineEmpty:
    "Hier ist noch nichts. Füge Profile, denen du folgst, zu dieser Liste hinzu, um ihre Beiträge zu sehen.",
  openList: "Liste öffnen",
  created: "Liste erstellt. Füge unten Profile hinzu, denen du folgst.",
  saved: "Liste gespeichert.",
  added: "Zur Liste hinzugefügt.",
  removed: "Aus der Liste entfernt.",
  settings: "Einstellungen",
  saveList: "Liste speichern",
  members: "Mitglieder",
  noMembers: "Diese Liste hat noch keine Mitglieder.",
  addPeople: "Profile hinzufügen, denen du folgst",
  everyoneIsIn: "Alle, denen du folgst, sind in dieser Liste.",
  add: "Hinzufügen",
  remove: "Entfernen",
  deleteTitle: "Diese Liste löschen",
  deleteDetail:
    "Du folgst den Mitgliedern weiterhin; nur die Liste wird gelöscht.",
  deleteList: "Liste löschen",
};
