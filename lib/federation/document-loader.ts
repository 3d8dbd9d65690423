/**
 * The document loader for everything fetched as ActivityPub: by Starling itself (actors, posts,
 * parents, search by URL; signed as the instance actor) and by Fedify (keys while verifying an
 * inbox signature, objects of activities), see `federationLoaders` in `mod.ts`. Stricter than
 * Fedify's own, which JSON-parses whatever it gets after up to 20 redirects: a document counts
 * only when served as `application/activity+json` or `application/ld+json` — else a JSON file
 * uploaded to a server as `text/plain` (a media attachment, a paste) could be passed off as that
 * server's actor or post (Mastodon's CVE-2024-23832) — and only when its `id` has the origin of
 * the URL it was finally served from (an object vouches for its own server only). Every hop goes
 * through `pinnedFetch` (public addresses only unless allowed, no DNS rebinding, timeouts, size
 * cap); at most `maxRedirects` redirects. An HTML page's
 * `<link rel="alternate" type="application/activity+json">` is followed (search by profile URL)
 * and counts as a redirect.
 */
import { signRequest } from "@fedify/fedify";
import type { DocumentLoader, RemoteDocument } from "@fedify/vocab";
import {
  fetchFollowingRedirects,
  FetchRefused,
  type Resolver,
} from "../net/mod.ts";
import { userAgentFor } from "./names.ts";

/** Redirects followed per fetch (Fedify's own loader allows 20). */
export const MAX_REDIRECTS = 5;

export interface StrictLoaderOptions {
  allowPrivateAddress: boolean;
  maxRedirects: number;
  userAgent: string;
  /** Signs each request (draft-cavage, what Mastodon verifies). */
  signer?: { keyId: URL; privateKey: CryptoKey };
  /** Largest body read; Mastodon's limit for JSON is 1 MB. */
  maxBytes?: number;
  /** Tests only: plays the DNS (see `pinnedFetch`). */
  resolve?: Resolver;
  /**
   * JSON-LD contexts rather than ActivityPub documents: `application/json` is accepted too, and
   * there is no `id` to check.
   */
  contexts?: boolean;
}

const AP_TYPE = /^application\/(activity\+json|ld\+json)\s*(;|$)/i;
const CONTEXT_TYPE = /^application\/(activity\+json|ld\+json|json)\s*(;|$)/i;
const ACCEPT =
  'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"';

export class DocumentRefused extends Error {
  constructor(url: URL | string, reason: string) {
    super(`${url}: ${reason}`);
    this.name = "DocumentRefused";
  }
}

/** The document's own id (`id` or `@id`), if it names one. */
function documentId(document: unknown, base: URL): URL | null {
  if (typeof document !== "object" || document === null) return null;
  const record = document as Record<string, unknown>;
  const id = record.id ?? record["@id"];
  if (typeof id !== "string") return null;
  try {
    return new URL(id, base);
  } catch {
    return null;
  }
}

/** The ActivityPub alternate of an HTML page, if it names one. */
function alternateLink(html: string, base: URL): URL | null {
  for (const tag of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs: Record<string, string> = {};
    for (
      const m of tag[0].matchAll(
        /([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
      )
    ) {
      attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
    }
    if (
      attrs.rel?.toLowerCase().split(/\s+/).includes("alternate") &&
      AP_TYPE.test(attrs.type ?? "") && attrs.href
    ) {
      try {
        return new URL(attrs.href, base);
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function strictDocumentLoader(
  options: StrictLoaderOptions,
): DocumentLoader {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const accepted = options.contexts ? CONTEXT_TYPE : AP_TYPE;
  return async (url, loadOptions): Promise<RemoteDocument> => {
    const requestFor = async (at: URL) => {
      const request = new Request(at, {
        headers: { accept: ACCEPT, "user-agent": options.userAgent },
        redirect: "manual",
      });
      return options.signer
        ? await signRequest(
          request,
          options.signer.privateKey,
          options.signer.keyId,
        )
        : request;
    };
    // Redirects and HTML alternates share one budget of `maxRedirects` hops.
    let hops = 0;
    let next = new URL(url);
    for (;;) {
      let followed;
      try {
        followed = await fetchFollowingRedirects(next, requestFor, {
          allowPrivateAddress: options.allowPrivateAddress,
          resolve: options.resolve,
          maxBytes,
          signal: loadOptions?.signal,
          maxRedirects: options.maxRedirects - hops,
        });
      } catch (error) {
        if (
          error instanceof FetchRefused && error.reason === "too many redirects"
        ) {
          throw new DocumentRefused(next, "too many redirects");
        }
        throw error;
      }
      const { response, url: current } = followed;
      hops += followed.redirects;
      if (!response.ok) {
        await response.body?.cancel();
        throw new DocumentRefused(current, `HTTP ${response.status}`);
      }
      const type = response.headers.get("content-type") ?? "";
      if (accepted.test(type)) {
        let document: unknown;
        try {
          document = JSON.parse(await response.text());
        } catch (error) {
          if (error instanceof SyntaxError) {
            throw new DocumentRefused(current, "not JSON");
          }
          throw error;
        }
        const id = options.contexts ? null : documentId(document, current);
        if (id && id.origin !== current.origin) {
          throw new DocumentRefused(
            current,
            `its id ${id.href} is on another origin`,
          );
        }
        return { contextUrl: null, document, documentUrl: current.href };
      }
      let alternate: URL | null = null;
      if (
        !options.contexts &&
        /^(text\/html|application\/xhtml\+xml)\s*(;|$)/i.test(type)
      ) {
        alternate = alternateLink(await response.text(), current);
      } else {
        await response.body?.cancel();
      }
      if (!alternate) {
        throw new DocumentRefused(
          current,
          `not an ActivityPub document (${type || "no type"})`,
        );
      }
      if (hops >= options.maxRedirects) {
        throw new DocumentRefused(current, "too many redirects");
      }
      hops++;
      next = alternate;
    }
  };
}

export interface FederationLoaderConfig {
  allowPrivateAddress: boolean;
  origin: string;
}

/**
 * The loader for ActivityPub documents, Starling's and Fedify's (`documentLoaderFactory`,
 * `authenticatedDocumentLoaderFactory`): signed when `signer` is given.
 */
export function federationDocumentLoader(
  config: FederationLoaderConfig,
  signer?: { keyId: URL; privateKey: CryptoKey },
  refuses?: RefusesUrl,
): DocumentLoader {
  const loader = strictDocumentLoader({
    allowPrivateAddress: config.allowPrivateAddress,
    maxRedirects: MAX_REDIRECTS,
    userAgent: userAgentFor(config.origin),
    signer,
  });
  return refuses ? gatedLoader(loader, refuses) : loader;
}

/** The federation policy's check: true for a URL on a suspended (or not allowed) domain. */
export type RefusesUrl = (url: URL) => Promise<boolean>;

/** Fetches nothing from a domain the federation policy refuses. */
export function gatedLoader(
  loader: DocumentLoader,
  refuses: RefusesUrl,
): DocumentLoader {
  return async (url, options) => {
    if (await refuses(new URL(url))) {
      throw new DocumentRefused(url, "the domain is blocked");
    }
    return await loader(url, options);
  };
}

/** The loader for JSON-LD contexts not preloaded by Fedify (`contextLoaderFactory`). */
export function federationContextLoader(
  config: FederationLoaderConfig,
): DocumentLoader {
  return strictDocumentLoader({
    allowPrivateAddress: config.allowPrivateAddress,
    maxRedirects: MAX_REDIRECTS,
    userAgent: userAgentFor(config.origin),
    contexts: true,
  });
}
