/** SQL for read-position markers (home, notifications). */
import type { Queryable } from "./client.ts";

export interface MarkerRow {
  account_id: string;
  timeline: string;
  last_read_id: string;
  version: number;
  updated_at: Date;
}

export async function findMarkers(
  db: Queryable,
  accountId: string,
  timelines: string[],
): Promise<MarkerRow[]> {
  return [
    ...await db<MarkerRow[]>`
    SELECT * FROM markers WHERE account_id = ${accountId} AND timeline = ANY(${timelines}::text[])`,
  ];
}

export async function upsertMarker(
  db: Queryable,
  accountId: string,
  timeline: string,
  lastReadId: string,
): Promise<MarkerRow> {
  const [row] = await db<MarkerRow[]>`
    INSERT INTO markers (account_id, timeline, last_read_id)
    VALUES (${accountId}, ${timeline}, ${lastReadId})
    ON CONFLICT (account_id, timeline) DO UPDATE
      SET last_read_id = excluded.last_read_id, version = markers.version + 1, updated_at = now()
    RETURNING *`;
  return row;
}
