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

/** Offset paging (trends, the directory): `offset` ≥ 0 and `limit` with a default and a cap. */
export function offsetPage(
  url: URL,
  defaults: { limit: number; max: number },
): { offset: number; limit: number } {
  const number = (name: string) => {
    const value = Number(url.searchParams.get(name));
    return Number.isFinite(value) ? Math.trunc(value) : NaN;
  };
  const offset = number("offset");
  const limit = number("limit");
  return {
    offset: offset > 0 ? offset : 0,
    limit: limit > 0 ? Math.min(limit, defaults.max) : defaults.limit,
  };
}

/**
 * The `Link` header of an offset page, as Mastodon's trends send it: `next` when the page was
 * full (there may be more), `prev` when it didn't start at 0.
 */
export function offsetLinkHeader(
  origin: string,
  url: URL,
  page: { offset: number; limit: number },
  count: number,
): string | null {
  const at = (offset: number) => {
    const link = new URL(url.pathname, origin);
    link.search = url.search;
    link.searchParams.set("offset", String(offset));
    return link.href;
  };
  const links = [];
  if (count >= page.limit) {
    links.push(`<${at(page.offset + page.limit)}>; rel="next"`);
  }
  if (page.offset > 0) {
    links.push(`<${at(Math.max(page.offset - page.limit, 0))}>; rel="prev"`);
  }
  return links.length ? links.join(", ") : null;
}
