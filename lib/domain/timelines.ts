/**
 * Reading statuses in bulk. Every query here applies the visibility rule in SQL
 * (`lib/db/visibility.ts`, the twin of `canSee`); single-status entry points go through
 * `getVisibleStatus` first, so a thread of an invisible status is a 404 like a missing one.
 */
import type { Queryable } from "../db/client.ts";
import * as db from "../db/timelines.ts";
import type { Page } from "../db/timelines.ts";
import { findAccountById } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";
import { findList } from "../db/lists.ts";
import { linkTimeline as linkTimelineRows } from "../db/status-links.ts";
import { visibleStatusesByIds } from "../db/visible-statuses.ts";
import { normalizeLinkUrl } from "../text/links.ts";
import { invalid, notFound } from "./errors.ts";
import { getVisibleStatus } from "./statuses.ts";

export type { Page };

export const homeTimeline = (sql: Queryable, viewerId: string, page: Page) =>
  db.homeTimeline(sql, viewerId, page);

/** Mastodon's cap on `GET /api/v1/statuses?id[]=` (DEFAULT_STATUSES_LIMIT). */
export const MANY_STATUSES_LIMIT = 20;

/**
 * Several statuses by id, those the viewer may see, in the order asked (repeats once). More
 * than 20 distinct ids is refused, as Mastodon does; ids that aren't numbers match nothing.
 */
export async function statusesByIds(
  sql: Queryable,
  viewerId: string | null,
  ids: string[],
): Promise<StatusRow[]> {
  const distinct = [...new Set(ids)];
  if (distinct.length > MANY_STATUSES_LIMIT) {
    throw invalid(`At most ${MANY_STATUSES_LIMIT} statuses can be requested`);
  }
  return await visibleStatusesByIds(
    sql,
    viewerId,
    distinct.filter((id) => /^\d{1,19}$/.test(id)),
  );
}

export const publicTimeline = (
  sql: Queryable,
  viewerId: string | null,
  options: db.PublicOptions,
  page: Page,
) => db.publicTimeline(sql, viewerId, options, page);

export const tagTimeline = (
  sql: Queryable,
  viewerId: string | null,
  options: db.TagOptions,
  page: Page,
) => db.tagTimeline(sql, viewerId, options, page);

/**
 * Public posts linking to `url` (Mastodon 4.3's link timeline). Mastodon answers only for a
 * trending link's preview card; Starling has no preview cards, so any link posts carry counts,
 * matched in the form `lib/text/links.ts` stores. A URL that isn't one is a 422.
 */
export async function linkTimeline(
  sql: Queryable,
  viewerId: string | null,
  url: string,
  page: Page,
): Promise<StatusRow[]> {
  const normalized = normalizeLinkUrl(url);
  if (!normalized) throw invalid("url is not a web address", "url");
  return await linkTimelineRows(sql, viewerId, normalized, page);
}

export async function listTimeline(
  sql: Queryable,
  viewerId: string,
  listId: string,
  page: Page,
) {
  const list = await findList(sql, viewerId, listId);
  if (!list) throw notFound();
  return await db.listTimeline(sql, viewerId, list, page);
}

export async function accountStatuses(
  sql: Queryable,
  viewerId: string | null,
  accountId: string,
  options: db.AccountStatusesOptions,
  page: Page,
) {
  const account = await findAccountById(sql, accountId);
  if (!account || account.suspended_at) throw notFound();
  return await db.accountStatuses(sql, viewerId, accountId, options, page);
}

export interface Thread {
  ancestors: StatusRow[];
  descendants: StatusRow[];
}

/** A status's context. Anonymous viewers get shallower threads, as Mastodon's limits. */
export async function statusContext(
  sql: Queryable,
  viewerId: string | null,
  statusId: string,
): Promise<Thread> {
  const status = await getVisibleStatus(
    { sql: sql as never },
    viewerId,
    statusId,
  );
  if (status.reblog_of_id) {
    return await statusContext(sql, viewerId, status.reblog_of_id);
  }
  const limits = viewerId
    ? { depth: 20, limit: 4096 }
    : { depth: 20, limit: 60 };
  const [up, down] = await Promise.all([
    db.ancestors(sql, viewerId, status, viewerId ? 4096 : 40),
    db.descendants(sql, viewerId, status, limits),
  ]);
  return { ancestors: up, descendants: down };
}

export async function statusActors(
  sql: Queryable,
  viewerId: string | null,
  statusId: string,
  kind: "favourites" | "reblogs",
  page: Page,
) {
  const status = await getVisibleStatus(
    { sql: sql as never },
    viewerId,
    statusId,
  );
  return await db.actorsOf(sql, status.id, kind, page);
}

export const bookmarks = (sql: Queryable, viewerId: string, page: Page) =>
  db.markedStatuses(sql, viewerId, "bookmarks", page);

export const favourites = (sql: Queryable, viewerId: string, page: Page) =>
  db.markedStatuses(sql, viewerId, "favourites", page);
