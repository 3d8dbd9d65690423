/**
 * Invite links (routes/invites/**, the user's own; components/InviteTable.tsx, shared with
 * /admin/invites). Page-only strings may be functions.
 */
export const invites = {
  title: "Invite people",
  maxUses: "Max number of uses",
  noLimit: "No limit",
  uses: (n: number) => `${n} ${n === 1 ? "use" : "uses"}`,
  expireAfter: "Expire after",
  never: "Never",
  /** The expiry choices, by seconds (lib/moderation/invites.ts). */
  expiries: {
    1800: "30 minutes",
    3600: "1 hour",
    21600: "6 hours",
    43200: "12 hours",
    86400: "1 day",
    604800: "1 week",
  } as Record<number, string>,
  autofollow: "Ask people who join to follow you",
  comment: "Note for yourself",
  generate: "Generate invite link",
  expire: "Expire",
  /** components/InviteTable.tsx */
  table: {
    empty: "No invites yet.",
    link: "Link",
    by: "By",
    usesColumn: "Uses",
    expires: "Expires",
    inviteLink: "Invite link",
    followsYou: "follows you",
    expired: "expired",
    never: "never",
  },
};

export type InvitesMessages = typeof invites;
