import type { FollowRequestsMessages } from "../en/followRequests.ts";

export const followRequests: FollowRequestsMessages = {
  title: "Folgeanfragen",
  notLocked:
    "Dein Konto ist nicht gesperrt, daher können dir Leute folgen, ohne zu fragen.",
  changeInSettings: "In den Einstellungen ändern",
  accept: "Akzeptieren",
  reject: "Ablehnen",
  empty: "Niemand wartet auf deine Antwort.",
};
