/** Statuses looked up by id with the visibility rule applied in SQL (`visibility.ts`). */
import type { Queryable } from "./client.ts";
import type { StatusRow } from "./statuses.ts";
import { visibleWithReblogSql } from "./visibility.ts";

/**
 * The statuses among `ids` that `viewerId` may see (a reblog only with its original), in the
 * order of `ids`.
 */
export async function visibleStatusesByIds(
  db: Queryable,
  viewerId: string | null,
  ids: string[],
): Promise<StatusRow[]> {
  if (ids.length === 0) return [];
  const rows = await db<StatusRow[]>`
    SELECT s.* FROM statuses s LEFT JOIN statuses r ON r.id = s.reblog_of_id
    WHERE s.id = ANY(${ids}::bigint[]) AND ${
    visibleWithReblogSql(db, viewerId)
  }`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
