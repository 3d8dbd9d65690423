/**
 * Acting from another server (routes/interact.tsx) and looking up something seen elsewhere
 * (routes/authorize_interaction.tsx).
 */
export const interact = {
  /** The page's title and heading, by what the visitor wants to do. */
  followAccount: "Follow this account",
  replyToPost: "Reply to this post",
  boostPost: "Boost this post",
  favouritePost: "Favourite this post",
  intro:
    "With an account on another server, you can do this from there. Enter your handle, and we'll take you to your server.",
  yourHandle: "Your handle",
  handlePlaceholder: "you@your.server",
  goToServer: "Go to your server",
  orSearch: "Or search for this address on your server:",
  haveAccountHere: "Have an account here?",
  signIn: "Sign in",
  badHandle: "Enter your handle as you@your.server.",
  noAnswer: (host: string) =>
    `${host} didn't tell us where to send you. Check the handle, or open the link below on your server.`,
  badLink: "This link names nothing to interact with.",
  notFoundTitle: "Not found",
  nothingFound: "Nothing found there",
  /** Before and after the address that was looked up. */
  couldNotFind: "We couldn't find a post or an account at",
  mayBeDeleted: "It may have been deleted, or its server may not answer.",
  noAddress: "(no address)",
};

export type InteractMessages = typeof interact;
