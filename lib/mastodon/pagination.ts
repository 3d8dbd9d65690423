/**
 * Mastodon's id-based paging: `max_id` (older than), `since_id` (newer than, newest first),
 * `min_id` (the page just newer than, oldest first then reversed), `limit` with a cap, and the
 * `Link` header with `next` and `prev` that masto.js follows.
 */
export interface PageQuery {
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

const ID = /^\d{1,19}$/;

export function pageQuery(
  url: URL,
  defaults = { limit: 20, max: 40 },
): PageQuery {
  const id = (name: string) => {
    const value = url.searchParams.get(name);
    return value && ID.test(value) ? value : undefined;
  };
  const limitParam = Number(url.searchParams.get("limit"));
  const limit = Number.isFinite(limitParam) && limitParam > 0
    ? Math.min(Math.trunc(limitParam), defaults.max)
    : defaults.limit;
  return {
    maxId: id("max_id"),
    sinceId: id("since_id"),
    minId: id("min_id"),
    limit,
  };
}

/**
 * The `Link` header for a page whose items are sorted newest first. `cursor` picks each item's
 * paging id (for most lists the item id; for favourites, the favourite's id).
 *
 * The links are built on the public `origin` (config `ORIGIN`), keeping only the request's path
 * and query: behind a TLS-terminating proxy the request URL is `http://127.0.0.1:PORT/...`, which
 * clients can't follow.
 */
export function linkHeader<T>(
  origin: string,
  url: URL,
  items: T[],
  cursor: (item: T) => string,
): string | null {
  if (items.length === 0) return null;
  const publicUrl = (params: URLSearchParams) => {
    const link = new URL(url.pathname, origin);
    link.search = params.toString();
    return link.href;
  };
  const next = new URLSearchParams(url.searchParams);
  next.delete("min_id");
  next.delete("since_id");
  next.set("max_id", cursor(items[items.length - 1]));
  const prev = new URLSearchParams(url.searchParams);
  prev.delete("max_id");
  prev.delete("since_id");
  prev.set("min_id", cursor(items[0]));
  return `<${publicUrl(next)}>; rel="next", <${publicUrl(prev)}>; rel="prev"`;
}
