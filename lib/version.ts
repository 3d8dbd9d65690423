/**
 * Starling's own version, the one place it is written: NodeInfo, the `User-Agent` of outgoing
 * requests, `/api/v2/instance` (inside the Mastodon-compatible version string) and the admin
 * dimensions all read it here.
 */
export const STARLING_VERSION = "0.1.0";

/**
 * The Mastodon version whose API Starling answers as, for clients that switch features on by
 * version: `4.3.0 (compatible; Starling …)` in the instance API, and NodeInfo's
 * `metadata.upstream` (megalodon, and apps built on it, refuse a server they can't place).
 */
export const MASTODON_COMPATIBLE_VERSION = "4.3.0";
