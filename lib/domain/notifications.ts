/**
 * Notifications for a local account: created (through the recipient's notification policy),
 * list (types[], exclude_types[], account_id), get, dismiss, clear. Notifications about
 * statuses the recipient can no longer see are left out, using the same visibility rule as
 * every other read path.
 */
import type { Queryable } from "../db/client.ts";
import * as db from "../db/notifications.ts";
import { touchNotificationRequests } from "../db/notification-requests.ts";
import { sortByPolicy } from "./notification-policy.ts";
import { visibleToSql } from "../db/visibility.ts";
import { notFound } from "./errors.ts";
import { requireVisible } from "./visibility.ts";
import { findStatusById } from "../db/statuses.ts";

export const NOTIFICATION_TYPES = [
  "mention",
  "status",
  "reblog",
  "follow",
  "follow_request",
  "favourite",
  "poll",
  "update",
  "admin.sign_up",
  "admin.report",
  "severed_relationships",
  "moderation_warning",
  "quote",
  "quoted_update",
  "move",
];

/**
 * The one way notifications are made: each recipient's policy drops some, files some under a
 * notification request (kept out of the list, the unread count and streaming), and the rest
 * are the rows returned, for the caller to announce after commit. Call inside the transaction
 * that did what is being notified.
 */
export async function createNotifications(
  sql: Queryable,
  items: db.NewNotification[],
): Promise<db.NotificationRow[]> {
  const rows = await db.insertNotifications(
    sql,
    await sortByPolicy(sql, items),
  );
  await touchNotificationRequests(
    sql,
    rows.filter((n) => n.filtered).map((n) => ({
      recipientId: n.account_id,
      fromAccountId: n.from_account_id,
    })),
  );
  return rows.filter((n) => !n.filtered);
}

/** Unknown types (`types[]=reaction`) are ignored, never an error. */
function known(types: string[] | undefined): string[] | undefined {
  if (!types?.length) return undefined;
  const list = types.filter((t) => NOTIFICATION_TYPES.includes(t));
  return list.length ? list : ["__none__"];
}

export interface NotificationFilter {
  types?: string[];
  excludeTypes?: string[];
  accountId?: string;
  includeFiltered?: boolean;
}

export async function listNotifications(
  sql: Queryable,
  recipientId: string,
  filter: NotificationFilter,
  page: { maxId?: string; sinceId?: string; minId?: string; limit: number },
) {
  return await db.listNotifications(sql, recipientId, {
    types: known(filter.types),
    excludeTypes: filter.excludeTypes?.filter((t) =>
      NOTIFICATION_TYPES.includes(t)
    ),
    fromAccountId: filter.accountId && /^\d{1,19}$/.test(filter.accountId)
      ? filter.accountId
      : undefined,
    includeFiltered: filter.includeFiltered,
    ...page,
  }, visibleToSql(sql, recipientId, "s"));
}

export async function getNotification(
  sql: Queryable,
  recipientId: string,
  id: string,
) {
  const row = await db.findNotification(sql, recipientId, id);
  if (!row) throw notFound();
  // The same rule as the list: a notification about a status the recipient may not see is
  // as missing as one that never was.
  if (row.status_id) {
    await requireVisible(
      sql,
      { accountId: recipientId },
      await findStatusById(sql, row.status_id),
    );
  }
  return row;
}

export async function dismissNotification(
  sql: Queryable,
  recipientId: string,
  id: string,
) {
  // Someone else's notification is as missing as one that never was (Mastodon: 404).
  if (!await db.deleteNotification(sql, recipientId, id)) throw notFound();
}

export async function clearNotifications(sql: Queryable, recipientId: string) {
  await db.clearNotifications(sql, recipientId);
}

export async function unreadCount(
  sql: Queryable,
  recipientId: string,
  sinceId: string | null,
  limit = 1000,
) {
  return await db.countUnread(sql, recipientId, sinceId, limit);
}
