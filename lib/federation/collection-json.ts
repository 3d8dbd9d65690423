/**
 * Fedify leaves empty arrays out of the JSON-LD it writes, so an empty collection comes out
 * with neither `orderedItems` nor (for one served whole, like featured) `totalItems`. Mastodon
 * sends `"totalItems": 0, "orderedItems": []`, and GoToSocial, finding neither, fetches a `first`
 * page that doesn't exist. This completes Fedify's answer for our collection URLs. No Fedify
 * import: the middleware loads it before it knows whether Fedify is needed.
 */

/** Our collections (`collections.ts`): outbox, followers, following, featured, and their pages. */
const COLLECTION_PATH =
  /^\/users\/[^/]+\/(outbox|followers|following|collections\/featured)$/;

export function isCollectionPath(pathname: string): boolean {
  return COLLECTION_PATH.test(pathname);
}

type Json = Record<string, unknown>;

/**
 * A collection served whole (no `first`) says how many items it has and lists them, `[]` when
 * none; a page lists `[]` when empty. Anything else is returned as it was.
 */
export function completeCollection(json: Json): Json {
  const items = json.orderedItems;
  if (json.type === "OrderedCollection" && json.first == null) {
    const count = items == null ? 0 : Array.isArray(items) ? items.length : 1;
    return {
      ...json,
      totalItems: json.totalItems ?? count,
      orderedItems: items ?? [],
    };
  }
  if (json.type === "OrderedCollectionPage" && items == null) {
    return { ...json, orderedItems: [] };
  }
  return json;
}

/** Fedify's response for a collection URL, completed by `completeCollection`. */
export async function completeCollectionResponse(
  response: Response,
): Promise<Response> {
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || !/json/.test(type)) return response;
  const json = await response.json();
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(completeCollection(json)), {
    status: response.status,
    headers,
  });
}
