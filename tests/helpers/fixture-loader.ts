/**
 * A JSON-LD document loader over `tests/fixtures/ap/<host>/<path>.json`: real documents from
 * other servers, no network. Well-known contexts come from Fedify's preloaded copies.
 */
import { preloadedContexts } from "@fedify/fedify";
import type { DocumentLoader, RemoteDocument } from "@fedify/vocab";

const FIXTURES = new URL("../fixtures/ap/", import.meta.url);

export function fixturePath(url: string | URL): URL {
  const u = new URL(url);
  const path = u.pathname.replace(/\/$/, "") || "/index";
  return new URL(`${u.host}${path}.json`, FIXTURES);
}

export const fixtureLoader: DocumentLoader = async (
  url: string,
): Promise<RemoteDocument> => {
  if (url in preloadedContexts) {
    return {
      contextUrl: null,
      documentUrl: url,
      document: preloadedContexts[url],
    };
  }
  const withoutFragment = url.replace(/#.*$/, "");
  let text: string;
  try {
    text = await Deno.readTextFile(fixturePath(withoutFragment));
  } catch {
    throw new Error(`no fixture for ${url}`);
  }
  return { contextUrl: null, documentUrl: url, document: JSON.parse(text) };
};
