/**
 * SQL for notification requests (migration 0005): filtered notifications grouped per sender.
 * A request's count and last status are read from its filtered notifications, so undoing an
 * action (unfavourite) needs no bookkeeping here; requests with none left are not listed.
 */
import type { Queryable } from "./client.ts";

export interface NotificationRequestRow {
  id: string;
  account_id: string;
  from_account_id: string;
  created_at: Date;
  updated_at: Date;
  notifications_count: number;
  last_status_id: string | null;
}

/** Opens (or freshens) the request for each (recipient, sender) pair. */
export async function touchNotificationRequests(
  db: Queryable,
  pairs: { recipientId: string; fromAccountId: string }[],
): Promise<void> {
  if (pairs.length === 0) return;
  await db`
    INSERT INTO notification_requests (account_id, from_account_id)
    SELECT DISTINCT * FROM unnest(${pairs.map((p) => p.recipientId)}::bigint[],
                                  ${
    pairs.map((p) => p.fromAccountId)
  }::bigint[])
    ON CONFLICT (account_id, from_account_id) DO UPDATE SET updated_at = now()`;
}

export interface RequestPage {
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

/** The recipient's requests that still hold notifications, newest first (or one, by `id`). */
export async function listNotificationRequests(
  db: Queryable,
  recipientId: string,
  q: RequestPage & { id?: string },
): Promise<NotificationRequestRow[]> {
  const ascending = Boolean(q.minId);
  const rows = await db<NotificationRequestRow[]>`
    SELECT r.id, r.account_id, r.from_account_id, r.created_at, r.updated_at,
           c.notifications_count, c.last_status_id
    FROM notification_requests r
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS notifications_count,
             (array_agg(n.status_id ORDER BY n.id DESC)
                FILTER (WHERE n.status_id IS NOT NULL))[1]::text AS last_status_id
      FROM notifications n
      WHERE n.account_id = r.account_id AND n.from_account_id = r.from_account_id
        AND n.filtered) c
    WHERE r.account_id = ${recipientId} AND c.notifications_count > 0
      ${q.id ? db`AND r.id = ${q.id}` : db``}
      ${q.maxId ? db`AND r.id < ${q.maxId}` : db``}
      ${q.sinceId ? db`AND r.id > ${q.sinceId}` : db``}
      ${q.minId ? db`AND r.id > ${q.minId}` : db``}
    ORDER BY r.id ${ascending ? db`ASC` : db`DESC`}
    LIMIT ${q.limit}`;
  return ascending ? [...rows].reverse() : [...rows];
}

/**
 * Accepts the recipient's requests `ids`: their notifications join the list, and the senders
 * are never filtered again. Unknown ids are skipped; returns how many requests there were.
 */
export async function acceptNotificationRequests(
  db: Queryable,
  recipientId: string,
  ids: string[],
): Promise<number> {
  const [row] = await db<{ count: number }[]>`
    WITH accepted AS (
      DELETE FROM notification_requests
      WHERE account_id = ${recipientId} AND id = ANY(${ids}::bigint[])
      RETURNING from_account_id
    ), permitted AS (
      INSERT INTO notification_permissions (account_id, from_account_id)
      SELECT ${recipientId}, from_account_id FROM accepted
      ON CONFLICT DO NOTHING
    ), unfiltered AS (
      UPDATE notifications SET filtered = false
      WHERE account_id = ${recipientId} AND filtered
        AND from_account_id IN (SELECT from_account_id FROM accepted)
    )
    SELECT count(*)::int AS count FROM accepted`;
  return row.count;
}

/** Dismisses the recipient's requests `ids` with their notifications; returns how many. */
export async function dismissNotificationRequests(
  db: Queryable,
  recipientId: string,
  ids: string[],
): Promise<number> {
  const [row] = await db<{ count: number }[]>`
    WITH dismissed AS (
      DELETE FROM notification_requests
      WHERE account_id = ${recipientId} AND id = ANY(${ids}::bigint[])
      RETURNING from_account_id
    ), removed AS (
      DELETE FROM notifications
      WHERE account_id = ${recipientId} AND filtered
        AND from_account_id IN (SELECT from_account_id FROM dismissed)
    )
    SELECT count(*)::int AS count FROM dismissed`;
  return row.count;
}

/** The policy's `summary`: senders with filtered notifications (capped at 100) and their count. */
export async function pendingRequestsSummary(
  db: Queryable,
  recipientId: string,
): Promise<
  { pending_requests_count: number; pending_notifications_count: number }
> {
  const [row] = await db<
    { pending_requests_count: number; pending_notifications_count: number }[]
  >`
    SELECT least(count(DISTINCT from_account_id), 100)::int AS pending_requests_count,
           count(*)::int AS pending_notifications_count
    FROM notifications WHERE account_id = ${recipientId} AND filtered`;
  return row;
}
