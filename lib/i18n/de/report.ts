import type { ReportMessages } from "../en/report.ts";

export const report: ReportMessages = {
  title: "@{acct} melden",
  whatsWrong: "Was stimmt nicht?",
  spam: "Das ist Spam",
  spamHint: "Schädliche Links, gefälschte Interaktionen oder Wiederholungen",
  legal: "Das ist illegal",
  legalHint:
    "Du glaubst, dass es gegen geltendes Recht in deinem Land verstößt",
  violation: "Das verstößt gegen die Serverregeln",
  violationHint: "Wähle unten die Regeln aus",
  other: "Etwas anderes",
  otherHint: "Nichts von alledem",
  whichRules: "Gegen welche Regeln wird verstoßen?",
  comment: "Sollte die Moderation noch etwas wissen? (optional)",
  forward: (domain) => `Auch eine anonyme Kopie an ${domain} senden`,
  send: "Meldung abschicken",
  cancel: "Abbrechen",
  sent: "Danke, deine Meldung wurde abgeschickt",
  sentDetail: "Die Moderation dieses Servers wird sie sich ansehen.",
  goBack: "Zurück",
};
