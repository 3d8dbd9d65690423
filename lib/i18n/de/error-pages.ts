import type { ErrorPagesMessages } from "../en/error-pages.ts";

export const errorPages: ErrorPagesMessages = {
  titles: {
    400: "Diese Anfrage ergab keinen Sinn",
    401: "Bitte melde dich an",
    403: "Nicht erlaubt",
    404: "Nicht gefunden",
    405: "Nicht erlaubt",
    410: "Nicht mehr da",
    422: "Das hat nicht geklappt",
    503: "Gleich wieder da",
  },
  somethingWentWrong: "Etwas ist schiefgelaufen",
  notFound: "Diese Seite gibt es nicht, oder du darfst sie nicht sehen.",
  serverProblem:
    "Der Server hatte ein Problem. Bitte versuche es gleich noch einmal.",
  signIn: "Anmelden",
  startPage: "Zur Startseite",
};
