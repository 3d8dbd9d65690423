/**
 * WebFinger lookups (`acct:user@host` → actor id), made by us rather than Fedify's
 * `lookupWebFinger`, whose global `fetch` resolves the host again after checking it (DNS
 * rebinding) and follows more redirects. Every hop goes through `pinnedFetch`; at most
 * `MAX_REDIRECTS` redirects; the answer must be JRD (`application/jrd+json` or
 * `application/json`) and small.
 *
 * WebFinger is https-only. When private addresses are allowed and our own origin is http
 * (tests, local development) http is tried after https; never in production, where
 * `ALLOW_PRIVATE_ADDRESS` is off.
 */
import {
  fetchFollowingRedirects,
  pinnedFetch,
  type PinnedFetchOptions,
} from "../net/mod.ts";
import { MAX_REDIRECTS } from "./document-loader.ts";
import { userAgentFor } from "./names.ts";

const JRD_TYPE = /^application\/(jrd\+)?json\s*(;|$)/i;
const AP_LINK_TYPE = /^application\/(activity\+json|ld\+json)/;
/** A JRD is a few links; Mastodon's are under 2 kB. */
const MAX_JRD_BYTES = 64 * 1024;

export interface WebFingerOptions {
  allowPrivateAddress: boolean;
  /** Our origin: names us in the User-Agent, and allows http when it is http itself. */
  origin: string;
  /** One request, no redirects followed; tests replace it to play a remote server. */
  fetchHop?: typeof pinnedFetch;
  resolve?: PinnedFetchOptions["resolve"];
}

export interface JrdLink {
  rel?: string;
  type?: string;
  href?: string;
  /** RFC 6570 template (remote interaction: `{uri}`, FEP-3b86: `{object}`). */
  template?: string;
}

/** The JRD at `url`, following redirects through the same checks; null when refused. */
async function fetchJrd(
  url: URL,
  options: WebFingerOptions,
): Promise<{ links?: JrdLink[] } | null> {
  const { response } = await fetchFollowingRedirects(
    url,
    (current) =>
      new Request(current, {
        headers: {
          accept: "application/jrd+json, application/json",
          "user-agent": userAgentFor(options.origin),
        },
      }),
    {
      allowPrivateAddress: options.allowPrivateAddress,
      resolve: options.resolve,
      maxBytes: MAX_JRD_BYTES,
      maxRedirects: MAX_REDIRECTS,
      fetchHop: options.fetchHop,
    },
  );
  if (
    !response.ok ||
    !JRD_TYPE.test(response.headers.get("content-type") ?? "")
  ) {
    await response.body?.cancel();
    return null;
  }
  return await response.json();
}

/** The links WebFinger gives for `acct:username@host`, or null when it answers nothing. */
export async function webFingerLinks(
  username: string,
  host: string,
  options: WebFingerOptions,
): Promise<JrdLink[] | null> {
  const resource = `acct:${username}@${host}`;
  const schemes = options.allowPrivateAddress &&
      options.origin.startsWith("http:")
    ? ["https:", "http:"]
    : ["https:"];
  for (const scheme of schemes) {
    let url: URL;
    try {
      url = new URL(`${scheme}//${host}/.well-known/webfinger`);
    } catch {
      return null;
    }
    url.searchParams.set("resource", resource);
    try {
      const jrd = await fetchJrd(url, options);
      if (Array.isArray(jrd?.links)) return jrd.links;
    } catch {
      // Refused, unreachable or not JSON: try the next scheme.
    }
  }
  return null;
}

/** The `self` link (the actor id) WebFinger gives for `acct:username@host`, or null. */
export async function webFingerActorId(
  username: string,
  host: string,
  options: WebFingerOptions,
): Promise<string | null> {
  const links = await webFingerLinks(username, host, options);
  const self = links?.find((l) =>
    l.rel === "self" && AP_LINK_TYPE.test(l.type ?? "") &&
    typeof l.href === "string"
  );
  return self?.href ?? null;
}
