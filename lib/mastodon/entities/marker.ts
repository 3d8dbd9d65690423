/** Markers as a map keyed by timeline. */
import type { MarkerRow } from "../../db/markers.ts";

export function markersJson(rows: MarkerRow[]) {
  return Object.fromEntries(rows.map((m) => [m.timeline, {
    last_read_id: m.last_read_id,
    version: m.version,
    updated_at: m.updated_at.toISOString(),
  }]));
}
