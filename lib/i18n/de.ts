import type { Messages } from "./messages.ts";
import { timeline } from "./de/timeline.ts";
import { profile } from "./de/profile.ts";
import { block } from "./de/block.ts";
import { notifications } from "./de/notifications.ts";
import { followRequests } from "./de/followRequests.ts";
import { explore } from "./de/explore.ts";
import { filters } from "./de/filters.ts";
import { lists } from "./de/lists.ts";
import { conversations } from "./de/conversations.ts";
import { report } from "./de/report.ts";
import { thread } from "./de/thread.ts";
import { about } from "./de/about.ts";
import { interact } from "./de/interact.ts";
import { errorPages } from "./de/error-pages.ts";
import { compose } from "./de/compose.ts";
import { poll } from "./de/poll.ts";
import { shortcuts } from "./de/shortcuts.ts";
import { feed } from "./de/feed.ts";
import { accountActions } from "./de/account-actions.ts";
import { push } from "./de/push.ts";
import { admin } from "./de/admin.ts";
import { adminModeration } from "./de/adminModeration.ts";
import { adminFederation } from "./de/adminFederation.ts";
import { adminServer } from "./de/adminServer.ts";
import { invites } from "./de/invites.ts";
import { auth } from "./de/auth.ts";
import { settings } from "./de/settings.ts";
import { errors } from "./de/errors.ts";
import { mail } from "./de/mail.ts";

/** German. */
export const de: Messages = {
  shell: {
    skipToContent: "Zum Inhalt springen",
    mainNavigation: "Hauptnavigation",
    home: "Startseite",
    notifications: "Mitteilungen",
    notificationsUnread: "Mitteilungen ({count} ungelesen)",
    messages: "Nachrichten",
    explore: "Entdecken",
    search: "Suche",
    local: "Lokal",
    federated: "Föderiert",
    lists: "Listen",
    bookmarks: "Lesezeichen",
    favourites: "Favoriten",
    filters: "Filter",
    profile: "Profil",
    settings: "Einstellungen",
    more: "Mehr",
    signIn: "Anmelden",
    signUp: "Registrieren",
    signOut: "Abmelden",
    runsStarling: (host) =>
      `${host} läuft mit Starling, einem föderierten sozialen Netzwerk, das mit Mastodon kompatibel ist.`,
    about: "Über",
    privacyPolicy: "Datenschutzerklärung",
    termsOfService: "Nutzungsbedingungen",
  },
  status: {
    visibilityPublic: "Öffentlich",
    visibilityUnlisted: "Nicht gelistet",
    visibilityPrivate: "Nur Follower",
    visibilityDirect: "Nur erwähnte Profile",
    inReplyTo: "Antwort",
    contentWarning: "Inhaltswarnung:",
    filtered: "Gefiltert:",
    sensitiveContent: "Sensibler Inhalt",
    showMedia: "Anzeigen",
    mediaAttachment: "Anhang ({type})",
    mediaNouns: {
      image: ["Bild", "Bilder"],
      gifv: ["GIF", "GIFs"],
      video: ["Video", "Videos"],
      audio: ["Audiodatei", "Audiodateien"],
      unknown: ["Anhang", "Anhänge"],
    },
    edited: "Bearbeitet {date}",
    reply: "Antworten",
    boost: "Teilen",
    boostUnavailable: "Teilen (bei dieser Sichtbarkeit nicht möglich)",
    favourite: "Favorisieren",
    bookmark: "Lesezeichen setzen",
    repliesCount: "Antworten — Anzahl:",
    boostsCount: "Teilen — Anzahl:",
    favouritesCount: "Favorisieren — Anzahl:",
    more: "Mehr",
    moreActions: "Weitere Aktionen für diesen Beitrag",
    copyLink: "Link kopieren",
    linkCopied: "Link kopiert",
    mute: "Unterhaltung stummschalten",
    unmute: "Stummschaltung der Unterhaltung aufheben",
    pin: "Im Profil anheften",
    unpin: "Vom Profil lösen",
    edit: "Bearbeiten",
    deleteOrRedraft: "Löschen oder neu verfassen",
    report: "@{acct} melden",
  },
  notification: {
    follow: "folgt dir",
    follow_request: "möchte dir folgen",
    favourite: "hat deinen Beitrag favorisiert",
    reblog: "hat deinen Beitrag geteilt",
    mention: "hat dich erwähnt",
    status: "hat etwas veröffentlicht",
    update: "hat einen Beitrag bearbeitet, mit dem du interagiert hast",
    poll: "Eine Umfrage ist beendet",
    "admin.report": "hat eine Meldung eingereicht",
    "admin.sign_up": "hat sich registriert",
    move: "ist umgezogen zu",
    severed_relationships:
      "hat durch eine Moderationsentscheidung Folgebeziehungen verloren",
    review: "Ansehen",
    seeWho: "Wer betroffen ist (gesperrt: {domain})",
  },
  language: {
    legend: "Sprache der Oberfläche",
  },
  timeline,
  profile,
  block,
  notifications,
  followRequests,
  explore,
  filters,
  lists,
  conversations,
  report,
  thread,
  about,
  interact,
  errorPages,
  compose,
  poll,
  shortcuts,
  feed,
  accountActions,
  push,
  admin,
  adminModeration,
  adminFederation,
  adminServer,
  invites,
  auth,
  settings,
  errors,
  mail,
};
