/**
 * A filter's status entries (Mastodon's FilterStatus): the statuses a filter names besides its
 * keywords. Matching lives with the keywords in `filters.ts`.
 */
import type { Sql } from "../db/client.ts";
import * as db from "../db/filters.ts";
import type { FilterStatusRow } from "../db/filters.ts";
import { isVisibleTo } from "./visibility.ts";
import { findStatusById } from "../db/statuses.ts";
import { invalid, notFound } from "./errors.ts";
import { getFilter } from "./filters.ts";

/**
 * Adds a status the owner can see to their filter. A status they can't see is refused like a
 * missing one (Mastodon: "Status must exist"), and one already named like a duplicate.
 */
export async function addFilterStatus(
  sql: Sql,
  accountId: string,
  filterId: string,
  statusId: string,
): Promise<FilterStatusRow> {
  const filter = await getFilter(sql, accountId, filterId);
  const status = /^\d{1,19}$/.test(statusId)
    ? await findStatusById(sql, statusId)
    : null;
  if (!status || !await isVisibleTo(sql, { accountId }, status)) {
    throw invalid("Status must exist", "status_id");
  }
  const row = await db.insertFilterStatus(sql, filter.id, status.id);
  if (!row) throw invalid("Status has already been taken", "status_id");
  return row;
}

export async function getFilterStatus(
  sql: Sql,
  accountId: string,
  id: string,
): Promise<FilterStatusRow> {
  const row = await db.findFilterStatus(sql, accountId, id);
  if (!row) throw notFound();
  return row;
}

export async function removeFilterStatus(
  sql: Sql,
  accountId: string,
  id: string,
): Promise<void> {
  const row = await getFilterStatus(sql, accountId, id);
  await db.deleteFilterStatus(sql, row.id);
}
