import { counter } from "../count.ts";

const { format } = counter("en");

/**
 * The server's own pages (routes/about.tsx, privacy-policy.tsx, terms-of-service,
 * components/TermsPage.tsx) and the landing page visitors see (routes/index.tsx).
 */
export const about = {
  aboutTitle: (server: string) => `About ${server}`,
  contact: "Contact",
  rules: "Server rules",
  noRules: "This server has no rules listed.",
  moderatedServers: "Moderated servers",
  noModeratedServers: "No server is limited or blocked.",
  server: "Server",
  severity: "Severity",
  reason: "Reason",
  /** A moderated server's severity, as the API names it. */
  severities: {
    silence: "Limited",
    suspend: "Suspended",
    noop: "None",
  },
  privacyPolicy: "Privacy policy",
  /** The built-in policy, shown until an admin writes one (lib/instance/text.ts has the API's). */
  defaultPrivacyPolicy: (host: string) =>
    `${host} stores what you give it to run your account: your e-mail address, password ` +
    `hash, profile, posts, media and follows. Public posts and profiles are shared with ` +
    `other servers in the fediverse; followers-only and direct posts go only to their ` +
    `audience's servers. Server operators can read everything stored here.`,
  /** The built-in short description, shown until an admin writes one. */
  defaultShortDescription:
    "A Starling server: short posts and pictures, federated with the fediverse.",
  privacyPolicyOf: (server: string) => `Privacy policy of ${server}`,
  lastUpdated: (date: string) => `Last updated ${date}`,
  termsOfService: "Terms of service",
  termsOfServiceOf: (server: string) => `Terms of service of ${server}`,
  noTerms: "This server has not published terms of service.",
  inForceSince: (date: string) => `In force since ${date}`,
  effectiveFrom: (date: string) => `Effective from ${date}`,
  replacedOn: "replaced on",
  noTermsOfDate: "No terms of service of that date.",
  landingLead:
    "A Starling server: post short updates, follow people here and across the fediverse — Mastodon and every compatible server — and use any Mastodon app.",
  createAccount: "Create an account",
  signIn: "Sign in",
  people: "People",
  posts: "Posts",
  serversKnown: "Servers known",
  /** A stat's number, formatted for the language. */
  number: format,
  recentlyOn: (server: string) => `Recently on ${server}`,
  recentLocalPosts: "Recent local posts",
  noPublicPosts: "No public posts yet. Be the first!",
  wholeLocalTimeline: "See the whole local timeline",
};

export type AboutMessages = typeof about;
