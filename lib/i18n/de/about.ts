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
