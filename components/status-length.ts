/**
 * Mastodon's character count for the compose box, in the browser: every link counts as 23
 * characters and `@user@domain` counts as `@user`. An approximation of lib/text's
 * `countStatusLength` (which the server enforces) without its Node imports.
 */
const URL_RE = /https?:\/\/[^\s<>"]+/gi;
const MENTION_RE = /(^|[^\w/])@(\w+)@[\w.-]+\w/g;

export function approximateStatusLength(text: string): number {
  const shortened = text
    .replace(URL_RE, "x".repeat(23))
    .replace(MENTION_RE, (_m, before, user) => `${before}@${user}`);
  return [...shortened].length;
}
