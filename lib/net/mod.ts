/**
 * Outgoing HTTP to hosts Starling does not control: federation (documents, keys, WebFinger,
 * deliveries), Web Push, blocklist subscriptions, link previews. Every such request goes
 * through `pinnedFetch` (SSRF-safe: the host resolved once, every address checked, the socket
 * pinned to it), redirects followed hop by hop through it.
 */
export {
  CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  FetchRefused,
  pinnedFetch,
  type PinnedFetchOptions,
  TOTAL_TIMEOUT_MS,
} from "./pinned-fetch.ts";
export {
  fetchFollowingRedirects,
  type FollowedResponse,
  type FollowRedirectsOptions,
} from "./follow-redirects.ts";
export {
  isPrivateAddress,
  isPublicUrl,
  type Resolver,
  systemResolve,
} from "./public-address.ts";
