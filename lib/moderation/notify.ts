/**
 * Admin notifications, through the one notification path (`createNotifications`), so the API,
 * streaming and the web UI show them like any other: `admin.report` to those who may manage
 * reports, `admin.sign_up` to those who may manage users.
 */
import type { Queryable } from "../db/client.ts";
import type { NotificationRow } from "../db/notifications.ts";
import { createNotifications } from "../domain/notifications.ts";
import type { StaffMailType } from "../mail/mod.ts";
import { type Actor, can, PERMISSION_FLAGS } from "./permissions.ts";
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

/** The staff e-mails (Mastodon's admin mails) an actor's role gets and may turn off. */
export function staffMailsFor(actor: Actor | null): StaffMailType[] {
  const mails: StaffMailType[] = [];
  if (can(actor, "manage_reports")) mails.push("report");
  if (can(actor, "manage_users")) mails.push("pending_account");
  if (can(actor, "manage_appeals")) mails.push("appeal");
  return mails;
}
