import type { InvitesMessages } from "../en/invites.ts";

export const invites: InvitesMessages = {
  title: "Leute einladen",
  maxUses: "Maximale Anzahl an Verwendungen",
  noLimit: "Unbegrenzt",
  uses: (n) => `${n} ${n === 1 ? "Verwendung" : "Verwendungen"}`,
  expireAfter: "Läuft ab nach",
  never: "Nie",
  expiries: {
    1800: "30 Minuten",
    3600: "1 Stunde",
    21600: "6 Stunden",
    43200: "12 Stunden",
    86400: "1 Tag",
    604800: "1 Woche",
  },
  autofollow: "Neue Mitglieder bitten, dir zu folgen",
  comment: "Notiz für dich",
  generate: "Einladungslink erstellen",
  expire: "Ablaufen lassen",
  table: {
    empty: "Noch keine Einladungen.",
    link: "Link",
    by: "Von",
    usesColumn: "Verwendungen",
    expires: "Läuft ab",
    inviteLink: "Einladungslink",
    followsYou: "folgt dir",
    expired: "abgelaufen",
    never: "nie",
  },
};
