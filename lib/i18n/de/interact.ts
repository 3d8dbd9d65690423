import type { InteractMessages } from "../en/interact.ts";

export const interact: InteractMessages = {
  followAccount: "Diesem Konto folgen",
  replyToPost: "Auf diesen Beitrag antworten",
  boostPost: "Diesen Beitrag teilen",
  favouritePost: "Diesen Beitrag favorisieren",
  intro:
    "Mit einem Konto auf einem anderen Server kannst du das von dort aus tun. Gib deine Adresse ein, und wir bringen dich zu deinem Server.",
  yourHandle: "Deine Adresse",
  handlePlaceholder: "du@dein.server",
  goToServer: "Weiter zu deinem Server",
  orSearch: "Oder suche auf deinem Server nach dieser Adresse:",
  haveAccountHere: "Du hast hier ein Konto?",
  signIn: "Anmelden",
  badHandle: "Gib deine Adresse in der Form du@dein.server ein.",
  noAnswer: (host) =>
    `${host} hat uns nicht gesagt, wohin wir dich schicken sollen. Prüfe die Adresse oder öffne den Link unten auf deinem Server.`,
  badLink: "Dieser Link verweist auf nichts, womit man interagieren kann.",
  notFoundTitle: "Nicht gefunden",
  nothingFound: "Dort wurde nichts gefunden",
  couldNotFind:
    "Unter dieser Adresse wurde weder ein Beitrag noch ein Konto gefunden:",
  mayBeDeleted:
    "Vielleicht wurde es gelöscht, oder sein Server antwortet nicht.",
  noAddress: "(keine Adresse)",
};
