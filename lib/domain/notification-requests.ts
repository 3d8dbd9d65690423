/**
 * Notification requests: what the notification policy filtered, one request per sender.
 * Accepting one moves its notifications into the list (and lets the sender through from then
 * on); dismissing one deletes them.
 */
import type { Queryable } from "../db/client.ts";
import * as db from "../db/notification-requests.ts";
import { notFound } from "./errors.ts";

export type { NotificationRequestRow } from "../db/notification-requests.ts";

/** Request ids are numbers; anything else names no request (and never reaches SQL). */
const requestIds = (ids: string[]) => ids.filter((id) => /^\d{1,19}$/.test(id));

export async function listNotificationRequests(
  sql: Queryable,
  recipientId: string,
  page: db.RequestPage,
) {
  return await db.listNotificationRequests(sql, recipientId, page);
}

export async function getNotificationRequest(
  sql: Queryable,
  recipientId: string,
  id: string,
): Promise<db.NotificationRequestRow> {
  const [row] = requestIds([id]).length
    ? await db.listNotificationRequests(sql, recipientId, { id, limit: 1 })
    : [];
  if (!row) throw notFound();
  return row;
}

/** One request (404 when it is not the caller's) or many (`id[]`, unknown ones skipped). */
export async function acceptNotificationRequests(
  sql: Queryable,
  recipientId: string,
  ids: string[],
  options: { one?: boolean } = {},
): Promise<void> {
  const count = await db.acceptNotificationRequests(
    sql,
    recipientId,
    requestIds(ids),
  );
  if (options.one && count === 0) throw notFound();
}

export async function dismissNotificationRequests(
  sql: Queryable,
  recipientId: string,
  ids: string[],
  options: { one?: boolean } = {},
): Promise<void> {
  const count = await db.dismissNotificationRequests(
    sql,
    recipientId,
    requestIds(ids),
  );
  if (options.one && count === 0) throw notFound();
}

export const pendingRequestsSummary = db.pendingRequestsSummary;
