/** SQL for notifications: one per (recipient, type, actor, status), so redeliveries notify once. */
import type { Queryable } from "./client.ts";
import type { Fragment } from "./visibility.ts";
import { candidateRows, lookupById, windowedPage } from "./windowed.ts";

export interface NotificationRow {
  id: string;
  account_id: string;
  from_account_id: string;
  type: string;
  status_id: string | null;
  /** The report an `admin.report` notification is about (migration 0011). */
  report_id: string | null;
  /** What a `severed_relationships` notification is about (migration 0013). */
  account_relationship_severance_event_id?: string | null;
  group_key: string;
  /** Held back by the recipient's notification policy, under a request (migration 0005). */
  filtered: boolean;
  created_at: Date;
}

export interface NewNotification {
  recipientId: string;
  fromAccountId: string;
  type: string;
  statusId: string | null;
  /** For `admin.report`: the report. */
  reportId?: string | null;
  /** Store it under a notification request rather than in the list. */
  filtered?: boolean;
}

/**
 * Inserts notifications for local recipients only, skipping self-notifications and recipients
 * who block (or mute with hide_notifications) the actor. Returns the rows actually created.
 */
export async function insertNotifications(
  db: Queryable,
  items: NewNotification[],
): Promise<NotificationRow[]> {
  const wanted = items.filter((n) => n.recipientId !== n.fromAccountId);
  if (wanted.length === 0) return [];
  const recipients = wanted.map((n) => n.recipientId);
  const actors = wanted.map((n) => n.fromAccountId);
  const types = wanted.map((n) => n.type);
  const statuses = wanted.map((n) => n.statusId);
  const reports = wanted.map((n) => n.reportId ?? null);
  // As text: postgres.js sends a boolean array as one boolean.
  const filtered = wanted.map((n) => String(n.filtered ?? false));
  // Mastodon's groupable kinds: per status for favourites and boosts, per recipient otherwise;
  // the key ends with an hour number, kept while the group spans less than 12 hours (below).
  const groupable = new Set(["favourite", "reblog", "follow", "admin.sign_up"]);
  const keys = wanted.map((n) =>
    groupable.has(n.type)
      ? (n.type === "favourite" || n.type === "reblog"
        ? `${n.type}-${n.statusId}`
        : n.type)
      : ""
  );
  const rows = await db<NotificationRow[]>`
    INSERT INTO notifications (id, account_id, from_account_id, type, status_id, group_key,
                               filtered, report_id)
    SELECT nid, n.recipient, n.actor, n.type, n.status,
           CASE WHEN n.key = '' THEN 'ungrouped-' || nid
             ELSE n.key || '-' || coalesce((
               SELECT substring(p.group_key from '-([0-9]+)$')
               FROM notifications p
               WHERE p.account_id = n.recipient AND p.created_at > now() - interval '12 hours'
                 AND left(p.group_key, length(n.key) + 1) = n.key || '-'
                 AND substring(p.group_key from '-([0-9]+)$')::bigint
                     BETWEEN floor(extract(epoch FROM now()) / 3600)::bigint - 11
                         AND floor(extract(epoch FROM now()) / 3600)::bigint
               ORDER BY p.id DESC LIMIT 1),
               floor(extract(epoch FROM now()) / 3600)::bigint::text) END,
           n.filtered::boolean,
           n.report
    FROM (
      SELECT starling_id() AS nid, *
      FROM unnest(${recipients}::bigint[], ${actors}::bigint[], ${types}::text[],
                  ${statuses}::bigint[], ${keys}::text[], ${filtered}::text[],
                  ${reports}::bigint[])
        AS n(recipient, actor, type, status, key, filtered, report)
    ) n
    JOIN accounts a ON a.id = n.recipient AND a.domain IS NULL
    WHERE NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = n.recipient
                      AND b.target_account_id = n.actor)
      AND NOT EXISTS (SELECT 1 FROM account_domain_blocks db
                      JOIN accounts da ON lower(da.domain) = db.domain
                      WHERE db.account_id = n.recipient AND da.id = n.actor)
      AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = n.recipient
                      AND m.target_account_id = n.actor AND m.hide_notifications
                      AND (m.expires_at IS NULL OR m.expires_at > now()))
      AND (n.status IS NULL OR NOT EXISTS (
        SELECT 1 FROM conversation_mutes cm JOIN statuses cs ON cs.id = n.status
        WHERE cm.account_id = n.recipient AND cm.conversation_id = cs.conversation_id))
    ON CONFLICT DO NOTHING
    RETURNING *`;
  return [...rows];
}

export interface NotificationQuery {
  types?: string[];
  excludeTypes?: string[];
  fromAccountId?: string;
  /** Also what the notification policy filtered (under requests). */
  includeFiltered?: boolean;
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

/**
 * A page, newest first; `visible` filters out notifications about statuses now invisible. Read
 * in windows of the recipient's newest notifications (`windowed.ts`: a plan that doesn't need
 * statistics).
 */
export async function listNotifications(
  db: Queryable,
  recipientId: string,
  q: NotificationQuery,
  visible: Fragment,
): Promise<NotificationRow[]> {
  return await windowedPage<NotificationRow>(db, "w.id", q, {
    // A function with sorting disabled (migration 0034): the window is a walk of the index in
    // order whatever the statistics say.
    candidates: (_bounds, _order, size, range) =>
      db`
      SELECT id FROM notification_candidates(
        ${recipientId}, ${range.before}, ${range.after}, ${range.ascending},
        ${q.includeFiltered ?? false},
        ${q.types?.length ? q.types : null}::text[],
        ${q.excludeTypes?.length ? q.excludeTypes : null}::text[],
        ${q.fromAccountId ?? null}, ${size})`,
    rows: db`
      SELECT n.* FROM ${candidateRows(db, "notifications", "n")}
      LEFT JOIN ${lookupById(db, "statuses", "s", "n.status_id")} ON TRUE
      WHERE (n.status_id IS NULL OR ${visible})
        AND NOT EXISTS (SELECT 1 FROM account_domain_blocks db
                        JOIN accounts da ON lower(da.domain) = db.domain
                        WHERE db.account_id = ${recipientId} AND da.id = n.from_account_id)`,
  });
}

export async function findNotification(
  db: Queryable,
  recipientId: string,
  id: string,
): Promise<NotificationRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<NotificationRow[]>`
    SELECT * FROM notifications WHERE id = ${id} AND account_id = ${recipientId}`;
  return row ?? null;
}

export async function findNotificationsByIds(
  db: Queryable,
  ids: string[],
): Promise<NotificationRow[]> {
  if (ids.length === 0) return [];
  return await db<NotificationRow[]>`
    SELECT * FROM notifications WHERE id = ANY(${ids}::bigint[]) ORDER BY id DESC`;
}

export async function deleteNotification(
  db: Queryable,
  recipientId: string,
  id: string,
): Promise<boolean> {
  if (!/^\d{1,19}$/.test(id)) return false;
  const result =
    await db`DELETE FROM notifications WHERE id = ${id} AND account_id = ${recipientId}`;
  return result.count > 0;
}

export async function clearNotifications(
  db: Queryable,
  recipientId: string,
): Promise<void> {
  await db`DELETE FROM notifications WHERE account_id = ${recipientId}`;
}

/** Removes the notification an undone action caused (unfavourite, unreblog). */
export async function deleteNotificationsFor(
  db: Queryable,
  fromAccountId: string,
  type: string,
  statusId: string,
): Promise<void> {
  await db`DELETE FROM notifications WHERE from_account_id = ${fromAccountId}
           AND type = ${type} AND status_id = ${statusId}`;
}

export async function countUnread(
  db: Queryable,
  recipientId: string,
  sinceId: string | null,
  limit: number,
): Promise<number> {
  const [row] = await db<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (
      SELECT 1 FROM notifications WHERE account_id = ${recipientId} AND NOT filtered
        ${sinceId ? db`AND id > ${sinceId}` : db``}
      LIMIT ${limit}) x`;
  return row.count;
}
