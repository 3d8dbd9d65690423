/**
 * Who may be called what: the rules for local usernames (sign-up form, API and admin CLI alike)
 * and for the usernames other servers give their actors. Both are Mastodon's patterns; a handle
 * is only as trustworthy as the username in it, so nothing outside them is stored.
 */

export const USERNAME_MAX_LENGTH = 30;
const USERNAME_PATTERN = /^[a-z0-9_]+$/i;

/**
 * Mastodon's remote username pattern: letters, digits and `_`, with `.` and `-` inside. No
 * `@`, spaces, markup or invisible characters, so `@user@host` always reads as what it is.
 */
const REMOTE_USERNAME_PATTERN = /^[a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?$/i;

/** Names people would mistake for the server itself, or that collide with our own paths. */
export const RESERVED_USERNAMES = new Set([
  "admin",
  "administrator",
  "root",
  "www",
  "api",
  "inbox",
  "outbox",
  "support",
  "help",
  "mod",
  "moderator",
  "moderators",
  "webmaster",
  "hostmaster",
  "postmaster",
  "abuse",
  "security",
  "staff",
  "system",
  "starling",
  "instance",
  "actor",
  "users",
  "user",
  "accounts",
  "settings",
  "about",
  "auth",
  "oauth",
  "login",
  "logout",
  "signin",
  "signup",
  "sign_in",
  "sign_up",
  "well_known",
  "nodeinfo",
  "static",
  "media",
  "assets",
  "public",
  "local",
  "federated",
  "tags",
  "explore",
  "search",
  "notifications",
  "home",
  "null",
  "undefined",
]); // deno-fmt-ignore

/** Why a new local user can't have this username, or null when they can. */
export function usernameProblem(username: string): string | null {
  if (username.length === 0) return "Username can't be blank";
  if (username.length > USERNAME_MAX_LENGTH) {
    return `Username is too long (maximum is ${USERNAME_MAX_LENGTH} characters)`;
  }
  if (!USERNAME_PATTERN.test(username)) {
    return "Username must contain only letters, numbers and underscores";
  }
  // Names starting with `_` are kept for the server's own use (e.g. `__instance__` was once
  // the instance actor's identifier), so no person can look like a part of the server.
  if (username.startsWith("_")) return "Username can't start with an underscore";
  if (RESERVED_USERNAMES.has(username.toLowerCase())) return "Username is reserved";
  return null;
}

/** Whether a username another server gives its actor is one we store (Mastodon's rule). */
export function isValidRemoteUsername(username: string): boolean {
  return REMOTE_USERNAME_PATTERN.test(username);
}
