import type { TimelineMessages } from "../en/timeline.ts";

export const timeline: TimelineMessages = {
  nothingHere: "Hier ist noch nichts.",
  olderPosts: "Ältere Beiträge",
  newerPosts: "Neuere Beiträge",
  pages: "Seiten",
  home: "Startseite",
  homeTimeline: "Startseite",
  newPost: "Neuer Beitrag",
  homeEmpty:
    "Deine Startseite ist leer. Folge Leuten, um ihre Beiträge hier zu sehen – in der lokalen Timeline findest du welche.",
  announcements: "Ankündigungen",
  dismiss: "Schließen",
  localTitle: "Lokale Timeline",
  localDescription: (host) => `Öffentliche Beiträge von Leuten auf ${host}.`,
  localEmpty: "Auf diesem Server gibt es noch keine öffentlichen Beiträge.",
  federatedTitle: "Föderierte Timeline",
  federatedDescription:
    "Öffentliche Beiträge von diesem Server und allen Servern, die er kennt.",
  federatedEmpty: "Noch keine öffentlichen Beiträge bekannt.",
  liveFeeds: "Live-Feeds",
  thisServer: "Dieser Server",
  otherServersToo: "Auch andere Server",
  tagDescription: (tag) => `Öffentliche Beiträge mit #${tag}.`,
  tagEmpty: (tag) => `Noch keine öffentlichen Beiträge mit #${tag}.`,
  bookmarks: "Lesezeichen",
  bookmarksEmpty:
    "Noch keine Lesezeichen. Setze ein Lesezeichen bei einem Beitrag, um ihn hier später wiederzufinden.",
  favourites: "Favoriten",
  favouritesEmpty: "Noch keine Favoriten.",
};
