/**
 * The Notification entity, and the v2 grouped form. A page is rendered in a constant number of
 * queries: one for the actors, one status bundle for all the statuses.
 */
import type { Queryable } from "../../db/client.ts";
import type { NotificationRow } from "../../db/notifications.ts";
import type { AccountRow } from "../../db/accounts.ts";
import { findAccountsByIds } from "../../db/accounts.ts";
import { findStatusesByIds } from "../../db/statuses.ts";
import { accountJson } from "./account.ts";
import { fileUrlOf, renderStatuses } from "./status.ts";
import {
  accountEmojis,
  accountEmojiSource,
  EmojiIndex,
} from "../../emoji/mod.ts";
import type { Notification, Status } from "./types.ts";
import { findReportsByIds } from "../../db/reports.ts";
import { reportJson } from "./report.ts";
import { severanceEvents } from "../../moderation/mod.ts";

export interface NotificationRenderOptions {
  sql: Queryable;
  origin: string;
  viewerId: string;
}

/** What rendering `rows` needs, in a constant number of queries; `senderIds`: more accounts. */
export async function loadNotificationParts(
  options: NotificationRenderOptions,
  rows: NotificationRow[],
  senderIds: string[] = [],
) {
  const statusIds = [
    ...new Set(rows.map((n) => n.status_id).filter((id): id is string => !!id)),
  ];
  const [accounts, statusRows] = await Promise.all([
    findAccountsByIds(options.sql, [
      ...new Set([...rows.map((n) => n.from_account_id), ...senderIds]),
    ]),
    findStatusesByIds(options.sql, statusIds),
  ]);
  // The viewer's filters of the notifications context: a `hide` match drops the notification
  // (its status is not rendered), others mark the status `filtered`.
  const statuses = await renderStatuses(
    { ...options, filterContext: "notifications" },
    statusRows,
  );
  const reports = await findReportsByIds(options.sql, [
    ...new Set(rows.map((n) => n.report_id).filter((id): id is string => !!id)),
  ]);
  const targets = new Map(
    (await findAccountsByIds(
      options.sql,
      reports.map((r) => r.target_account_id),
    ))
      .map((a) => [a.id, a]),
  );
  // The custom emoji in the senders' names and bios.
  const emojis = await EmojiIndex.load(
    options.sql,
    fileUrlOf(options),
    accounts.map(accountEmojiSource),
  );
  const events = await severanceEvents(
    options.sql,
    rows.map((n) => n.account_relationship_severance_event_id)
      .filter((id): id is string => !!id),
  );
  // A `move` notification names the account its sender moved to (Mastodon's `target`).
  const movedTo = await findAccountsByIds(
    options.sql,
    rows.flatMap((n) => {
      const id = n.type === "move"
        ? accounts.find((a) => a.id === n.from_account_id)?.moved_to_account_id
        : null;
      return id ? [id] : [];
    }),
  );
  return {
    events,
    accounts: new Map<string, AccountRow>(
      [...accounts, ...movedTo].map((a) => [a.id, a]),
    ),
    /** A sender as the Account entity, with its custom emoji. */
    accountJson: (account: AccountRow) =>
      accountJson(
        account,
        options.origin,
        undefined,
        accountEmojis(emojis, account),
      ),
    statuses: new Map<string, Status>(statuses.map((s) => [s.id, s])),
    reports: new Map(
      reports.flatMap((r) => {
        const target = targets.get(r.target_account_id);
        return target ? [[r.id, reportJson(r, target, options.origin)]] : [];
      }),
    ),
  };
}

export async function renderNotifications(
  options: NotificationRenderOptions,
  rows: NotificationRow[],
): Promise<Notification[]> {
  if (rows.length === 0) return [];
  const { accounts, statuses, reports, events, ...parts } =
    await loadNotificationParts(options, rows);
  return rows.flatMap((n) => {
    const account = accounts.get(n.from_account_id);
    if (!account) return [];
    const status = n.status_id ? statuses.get(n.status_id) : undefined;
    if (n.status_id && !status) return [];
    const report = n.report_id ? reports.get(n.report_id) : undefined;
    const target = n.type === "move" && account.moved_to_account_id
      ? accounts.get(account.moved_to_account_id)
      : undefined;
    const event = n.account_relationship_severance_event_id
      ? events.get(n.account_relationship_severance_event_id)
      : undefined;
    return [{
      id: n.id,
      type: n.type,
      created_at: n.created_at.toISOString(),
      group_key: n.group_key,
      // Mastodon's own client reads the new account from the sender's `moved`; others from
      // `target`.
      account: target
        ? { ...parts.accountJson(account), moved: parts.accountJson(target) }
        : parts.accountJson(account),
      ...(status ? { status } : {}),
      ...(report ? { report } : {}),
      ...(event ? { event } : {}),
      ...(target ? { target: parts.accountJson(target) } : {}),
    }];
  });
}
