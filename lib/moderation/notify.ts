/**
 * Admin notifications, through the one notification path (`createNotifications`), so the API,
 * streaming and the web UI show them like any other: `admin.report` to those who may manage
 * reports, `admin.sign_up` to those who may manage users.
 */
import type { Queryable } from "../db/client.ts";
import type { NotificationRow } from "../db/notifications.ts";
import { createNotifications } from "../domain/notifications.ts";
import { PERMISSION_FLAGS } from "./permissions.ts";
import { accountIdsWithPermission } from "./roles-db.ts";

/** Call in the transaction that stored the report; announce the rows after commit. */
export async function notifyReportFiled(
  sql: Queryable,
  report: { id: string; account_id: string },
): Promise<NotificationRow[]> {
  const recipients = await accountIdsWithPermission(
    sql,
    PERMISSION_FLAGS.manage_reports,
  );
  return await createNotifications(
    sql,
    recipients.map((recipientId) => ({
      recipientId,
      fromAccountId: report.account_id,
      type: "admin.report",
      statusId: null,
      reportId: report.id,
    })),
  );
}

/** Call in the transaction that made the account; announce the rows after commit. */
export async function notifySignUp(
  sql: Queryable,
  accountId: string,
): Promise<NotificationRow[]> {
  const recipients = await accountIdsWithPermission(
    sql,
    PERMISSION_FLAGS.manage_users,
  );
  return await createNotifications(
    sql,
    recipients.map((recipientId) => ({
      recipientId,
      fromAccountId: accountId,
      type: "admin.sign_up",
      statusId: null,
    })),
  );
}
