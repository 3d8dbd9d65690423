import type { Messages } from "./messages.ts";

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
  language: {
    legend: "Sprache der Oberfläche",
  },
};
