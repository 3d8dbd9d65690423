/**
 * What the public trends API shows: approved items only, best first, and for statuses only
 * what the viewer may see (public posts, authors moderation shows, nobody the viewer blocks or
 * mutes). Suspension after the last refresh is applied when reading, not only when measuring.
 */
import type { Queryable } from "../db/client.ts";
import * as db from "../db/trends.ts";

export interface OffsetPage {
  offset: number;
  limit: number;
}

export function trendingTags(sql: Queryable, page: OffsetPage) {
  return db.trendingTagRows(sql, page);
}

export function trendingStatuses(
  sql: Queryable,
  viewerId: string | null,
  page: OffsetPage,
) {
  return db.trendingStatusRows(sql, viewerId, page);
}

export function trendingLinks(sql: Queryable, page: OffsetPage) {
  return db.listTrends(sql, "link", { approvedOnly: true, ...page });
}
