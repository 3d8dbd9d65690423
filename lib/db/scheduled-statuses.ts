/** SQL for scheduled statuses (migration 0014): the rows and the uploads they hold. */
import type { Queryable } from "./client.ts";
import type { MediaRow } from "./media.ts";
import type { PageQuery } from "../mastodon/pagination.ts";

/** Mastodon's ScheduledStatus.params, as stored (and rendered). */
export interface ScheduledParams {
  text: string;
  spoiler_text: string | null;
  sensitive: boolean | null;
  visibility: string | null;
  in_reply_to_id: string | null;
  language: string | null;
  media_ids: string[] | null;
  poll: {
    options: string[];
    expires_in: number;
    multiple: boolean;
    hide_totals: boolean;
  } | null;
  idempotency: string | null;
  application_id: string | null;
  scheduled_at: string | null;
  with_rate_limit: boolean;
}

export interface ScheduledStatusRow {
  id: string;
  account_id: string;
  scheduled_at: Date;
  params: ScheduledParams;
  created_at: Date;
}

export async function insertScheduledStatus(
  db: Queryable,
  accountId: string,
  scheduledAt: Date,
  params: ScheduledParams,
): Promise<ScheduledStatusRow> {
  const [row] = await db<ScheduledStatusRow[]>`
    INSERT INTO scheduled_statuses (account_id, scheduled_at, params)
    VALUES (${accountId}, ${scheduledAt}, ${db.json(params as never)})
    RETURNING *`;
  return row;
}

/**
 * Holds the account's uploads for a scheduled status, in order. Only uploads attached nowhere
 * (no status, no other scheduled status) are taken; returns how many were.
 */
export async function holdMedia(
  db: Queryable,
  scheduledId: string,
  accountId: string,
  mediaIds: string[],
): Promise<number> {
  if (mediaIds.length === 0) return 0;
  const positions = mediaIds.map((_, i) => i);
  const result = await db`
    UPDATE media_attachments m SET scheduled_status_id = ${scheduledId},
      position = p.position, updated_at = now()
    FROM unnest(${mediaIds}::bigint[], ${positions}::int[]) AS p(id, position)
    WHERE m.id = p.id AND m.account_id = ${accountId}
      AND m.status_id IS NULL AND m.scheduled_status_id IS NULL`;
  return result.count;
}

/** Counts for the limits: all of the account's, and those on `day`'s UTC date. */
export async function countScheduled(
  db: Queryable,
  accountId: string,
  day: Date,
): Promise<{ total: number; sameDay: number }> {
  const [row] = await db<{ total: string; same_day: string }[]>`
    SELECT count(*) AS total,
      count(*) FILTER (WHERE (scheduled_at AT TIME ZONE 'UTC')::date =
        (${day}::timestamptz AT TIME ZONE 'UTC')::date) AS same_day
    FROM scheduled_statuses WHERE account_id = ${accountId}`;
  return { total: Number(row.total), sameDay: Number(row.same_day) };
}

export async function findScheduledStatus(
  db: Queryable,
  /** The owner; null: whoever's it is (the publishing job). */
  accountId: string | null,
  id: string,
): Promise<ScheduledStatusRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<ScheduledStatusRow[]>`
    SELECT * FROM scheduled_statuses WHERE id = ${id}
      ${accountId ? db`AND account_id = ${accountId}` : db``}`;
  return row ?? null;
}

/** The account's scheduled statuses, newest id first, paged by id. */
export async function listScheduledStatuses(
  db: Queryable,
  accountId: string,
  page: PageQuery,
): Promise<ScheduledStatusRow[]> {
  const rows = await db<ScheduledStatusRow[]>`
    SELECT * FROM scheduled_statuses
    WHERE account_id = ${accountId}
      ${page.maxId ? db`AND id < ${page.maxId}` : db``}
      ${page.sinceId ? db`AND id > ${page.sinceId}` : db``}
      ${page.minId ? db`AND id > ${page.minId}` : db``}
    ORDER BY id ${page.minId ? db`ASC` : db`DESC`} LIMIT ${page.limit}`;
  return page.minId ? rows.reverse() : rows;
}

export async function rescheduleStatus(
  db: Queryable,
  id: string,
  scheduledAt: Date,
): Promise<ScheduledStatusRow> {
  const [row] = await db<ScheduledStatusRow[]>`
    UPDATE scheduled_statuses SET scheduled_at = ${scheduledAt},
      params = jsonb_set(params, '{scheduled_at}', to_jsonb(${scheduledAt.toISOString()}::text))
    WHERE id = ${id} RETURNING *`;
  return row;
}

/**
 * Removes the row (its held uploads are released by the foreign key). False if it was gone
 * already (deleted, or published by another run).
 */
export async function deleteScheduledStatus(
  db: Queryable,
  id: string,
): Promise<boolean> {
  const result = await db`DELETE FROM scheduled_statuses WHERE id = ${id}`;
  return result.count > 0;
}

/** The uploads each scheduled status holds, in order. */
export async function heldMedia(
  db: Queryable,
  ids: string[],
): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return await db<MediaRow[]>`
    SELECT * FROM media_attachments
    WHERE scheduled_status_id = ANY(${ids}::bigint[])
    ORDER BY scheduled_status_id, position`;
}
