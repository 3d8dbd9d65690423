import type { AboutMessages } from "../en/about.ts";
import { counter } from "../count.ts";

const { format } = counter("de");

export const about: AboutMessages = {
  aboutTitle: (server) => `Über ${server}`,
  contact: "Kontakt",
  rules: "Serverregeln",
  noRules: "Für diesen Server sind keine Regeln hinterlegt.",
  moderatedServers: "Moderierte Server",
  noModeratedServers: "Kein Server ist eingeschränkt oder gesperrt.",
  server: "Server",
  severity: "Schweregrad",
  reason: "Begründung",
  severities: {
    silence: "Eingeschränkt",
    suspend: "Gesperrt",
    noop: "Keine",
  },
  privacyPolicy: "Datenschutzerklärung",
  defaultPrivacyPolicy: (host) =>
    `${host} speichert, was du zum Betrieb deines Kontos angibst: deine E-Mail-Adresse, ` +
    `den Hash deines Passworts, dein Profil, deine Beiträge, Medien und wem du folgst. ` +
    `Öffentliche Beiträge und Profile werden mit anderen Servern im Fediverse geteilt; ` +
    `Beiträge nur für Follower und Direktnachrichten gehen nur an die Server ihres ` +
    `Publikums. Die Betreiber*innen des Servers können alles lesen, was hier gespeichert ist.`,
  defaultShortDescription:
    "Ein Starling-Server: kurze Beiträge und Bilder, föderiert mit dem Fediverse.",
  privacyPolicyOf: (server) => `Datenschutzerklärung von ${server}`,
  lastUpdated: (date) => `Zuletzt aktualisiert: ${date}`,
  termsOfService: "Nutzungsbedingungen",
  termsOfServiceOf: (server) => `Nutzungsbedingungen von ${server}`,
  noTerms: "Dieser Server hat keine Nutzungsbedingungen veröffentlicht.",
  inForceSince: (date) => `In Kraft seit ${date}`,
  effectiveFrom: (date) => `Gültig ab ${date}`,
  replacedOn: "ersetzt am",
  noTermsOfDate: "Für dieses Datum gibt es keine Nutzungsbedingungen.",
  landingLead:
    "Ein Starling-Server: Veröffentliche kurze Beiträge, folge Leuten hier und im ganzen Fediverse – Mastodon und jedem kompatiblen Server – und nutze jede Mastodon-App.",
  createAccount: "Konto erstellen",
  signIn: "Anmelden",
  people: "Profile",
  posts: "Beiträge",
  serversKnown: "Bekannte Server",
  number: format,
  recentlyOn: (server) => `Neu auf ${server}`,
  recentLocalPosts: "Neueste lokale Beiträge",
  noPublicPosts: "Noch keine öffentlichen Beiträge. Sei die erste Person!",
  wholeLocalTimeline: "Die ganze lokale Timeline ansehen",
};
