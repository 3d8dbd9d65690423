/** Read positions in the home timeline and notifications, synced between a user's apps. */
import type { Queryable } from "../db/client.ts";
import * as db from "../db/markers.ts";

export const MARKER_TIMELINES = ["home", "notifications"];

export async function getMarkers(
  sql: Queryable,
  accountId: string,
  timelines: string[],
) {
  const wanted = timelines.filter((t) => MARKER_TIMELINES.includes(t));
  return await db.findMarkers(
    sql,
    accountId,
    wanted.length ? wanted : MARKER_TIMELINES,
  );
}

/** Saves the given positions (ids only; unknown timelines are ignored). */
export async function saveMarkers(
  sql: Queryable,
  accountId: string,
  positions: Record<string, string>,
) {
  const saved = [];
  for (const [timeline, id] of Object.entries(positions)) {
    if (MARKER_TIMELINES.includes(timeline) && /^\d{1,19}$/.test(id)) {
      saved.push(await db.upsertMarker(sql, accountId, timeline, id));
    }
  }
  return saved;
}
