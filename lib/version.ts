/**
 * Starling's own version, the one place it is written: NodeInfo, the `User-Agent` of outgoing
 * requests, `/api/v2/instance` (inside the Mastodon-compatible version string) and the admin
 * dimensions all read it here.
 */
export const STARLING_VERSION = "0.1.0";
