/** The NotificationRequest entity: a page in a constant number of queries (accounts, statuses). */
import type { NotificationRequestRow } from "../../db/notification-requests.ts";
import { findAccountsByIds } from "../../db/accounts.ts";
import { findStatusesByIds } from "../../db/statuses.ts";
import { accountJson } from "./account.ts";
import { renderStatuses } from "./status.ts";
import type { NotificationRenderOptions } from "./notification.ts";

export async function renderNotificationRequests(
  options: NotificationRenderOptions,
  rows: NotificationRequestRow[],
) {
  if (rows.length === 0) return [];
  const statusIds = rows.map((r) => r.last_status_id).filter((id) =>
    id !== null
  );
  const [accounts, statusRows] = await Promise.all([
    findAccountsByIds(options.sql, rows.map((r) => r.from_account_id)),
    findStatusesByIds(options.sql, statusIds),
  ]);
  const statuses = new Map(
    (await renderStatuses(options, statusRows)).map((s) => [s.id, s]),
  );
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return rows.flatMap((r) => {
    const account = byId.get(r.from_account_id);
    if (!account) return [];
    return [{
      id: r.id,
      created_at: r.created_at.toISOString(),
      updated_at: r.updated_at.toISOString(),
      // A string in Mastodon's entity.
      notifications_count: String(r.notifications_count),
      account: accountJson(account, options.origin),
      last_status: (r.last_status_id && statuses.get(r.last_status_id)) ??
        null,
    }];
  });
}
