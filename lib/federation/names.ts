/** Names the federation code and the always-loaded web layer share (no Fedify import here). */
import { STARLING_VERSION } from "../version.ts";

/**
 * The instance actor's internal identifier (Fedify's, served at `/actor`). It contains a `-`,
 * which no local username can (`usernames.ts`), so no account, whenever it was created, is ever
 * taken for the instance actor: local accounts' identifiers are their usernames. (It was
 * `__instance__`, which a user could register.)
 */
export const INSTANCE_ACTOR = "instance-actor";
export const SOFTWARE_NAME = "starling";

/** The `User-Agent` of every request Starling makes to a remote server. */
export function userAgentFor(origin: string): string {
  return `${SOFTWARE_NAME}/${STARLING_VERSION} (+${origin})`;
}
