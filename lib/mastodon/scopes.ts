/**
 * OAuth scopes as Mastodon defines them: `read`, `write`, `follow`, `push`, `profile`,
 * `admin:read`, `admin:write` and their granular children (`read:statuses`, `admin:read:accounts`).
 * A parent grants its children; the legacy `follow` grants the relationship scopes.
 */
import { isKnownScope } from "../domain/oauth.ts";

const FOLLOW_GRANTS = new Set([
  "read:follows",
  "write:follows",
  "read:blocks",
  "write:blocks",
  "read:mutes",
  "write:mutes",
]);

export function parseScopes(
  value: string | undefined | null,
  fallback = "read",
): string[] {
  const scopes = (value ?? "").split(/[\s+]+/).map((s) => s.trim()).filter(
    Boolean,
  );
  return scopes.length ? [...new Set(scopes)] : [fallback];
}

/** One list of the scopes there are: the OAuth rules' (lib/domain/oauth.ts). */
export { isKnownScope };

/** True when `granted` allows `required` (e.g. `read` allows `read:statuses`). */
export function scopeAllows(
  granted: Iterable<string>,
  required: string,
): boolean {
  for (const scope of granted) {
    if (scope === required) return true;
    if (required.startsWith(`${scope}:`)) return true;
    if (scope === "follow" && FOLLOW_GRANTS.has(required)) return true;
    // `profile` is the narrow scope for verify_credentials.
  }
  return false;
}

/** Any of `required` suffices (endpoints list alternatives, e.g. `read:accounts` or `profile`). */
export function scopeAllowsAny(
  granted: Iterable<string>,
  required: string[],
): boolean {
  const list = [...granted];
  return required.some((r) => scopeAllows(list, r));
}
