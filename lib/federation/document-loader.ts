/**
 * The document loader for everything Starling itself fetches (actors, posts, parents, search
 * by URL), signed as the instance actor. Stricter than Fedify's, which JSON-parses whatever it
 * gets: a document counts only when served as `application/activity+json` or
 * `application/ld+json` — else a JSON file uploaded to a server as `text/plain` (a media
 * attachment, a paste) could be passed off as that server's actor or post (Mastodon's
 * CVE-2024-23832). Also: http(s) only; unless private addresses are allowed, every hop must be
 * public (`public-address.ts`); at most `maxRedirects` redirects; a size cap; a timeout. An
 * HTML page's `<link rel="alternate" type="application/activity+json">` is followed (search
 * by profile URL) and counts as a redirect.
 */
import { signRequest } from "@fedify/fedify";
import type { DocumentLoader, RemoteDocument } from "@fedify/vocab";
import { isPublicUrl } from "./public-address.ts";

export interface StrictLoaderOptions {
  allowPrivateAddress: boolean;
  maxRedirects: number;
  userAgent: string;
  /** Signs each request (draft-cavage, what Mastodon verifies). */
  signer?: { keyId: URL; privateKey: CryptoKey };
  /** Largest body read; Mastodon's limit for JSON is 1 MB. */
  maxBytes?: number;
  timeoutMs?: number;
}

const AP_TYPE = /^application\/(activity\+json|ld\+json)\s*(;|$)/i;
const ACCEPT =
  'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"';

export class DocumentRefused extends Error {
  constructor(url: URL | string, reason: string) {
    super(`${url}: ${reason}`);
    this.name = "DocumentRefused";
  }
}

async function readLimited(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw new DocumentRefused(response.url, "too large");
  }
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new DocumentRefused(response.url, "too large");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(body);
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
  return async (url, loadOptions): Promise<RemoteDocument> => {
    let current = new URL(url);
    for (let hop = 0;; hop++) {
      if (current.protocol !== "https:" && current.protocol !== "http:") {
        throw new DocumentRefused(current, "not http(s)");
      }
      if (!options.allowPrivateAddress && !await isPublicUrl(current)) {
        throw new DocumentRefused(current, "not a public address");
      }
      let request = new Request(current, {
        headers: { accept: ACCEPT, "user-agent": options.userAgent },
        redirect: "manual",
      });
      if (options.signer) {
        request = await signRequest(
          request,
          options.signer.privateKey,
          options.signer.keyId,
        );
      }
      const signal = loadOptions?.signal ??
        AbortSignal.timeout(options.timeoutMs ?? 10_000);
      const response = await fetch(request, { redirect: "manual", signal });
      let next: URL | null = null;
      if (
        response.status >= 300 && response.status < 400 &&
        response.headers.has("location")
      ) {
        await response.body?.cancel();
        next = new URL(response.headers.get("location")!, current);
      } else if (!response.ok) {
        await response.body?.cancel();
        throw new DocumentRefused(current, `HTTP ${response.status}`);
      } else {
        const type = response.headers.get("content-type") ?? "";
        if (AP_TYPE.test(type)) {
          const text = await readLimited(response, maxBytes);
          let document: unknown;
          try {
            document = JSON.parse(text);
          } catch {
            throw new DocumentRefused(current, "not JSON");
          }
          return { contextUrl: null, document, documentUrl: current.href };
        }
        if (/^(text\/html|application\/xhtml\+xml)\s*(;|$)/i.test(type)) {
          next = alternateLink(await readLimited(response, maxBytes), current);
        } else {
          await response.body?.cancel();
        }
        if (!next) {
          throw new DocumentRefused(
            current,
            `not an ActivityPub document (${type || "no type"})`,
          );
        }
      }
      if (hop >= options.maxRedirects) {
        throw new DocumentRefused(current, "too many redirects");
      }
      current = next;
    }
  };
}
