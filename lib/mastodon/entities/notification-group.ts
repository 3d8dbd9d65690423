/**
 * GroupedNotificationsResults and NotificationGroup (Mastodon 4.3's v2 notifications): groups
 * refer to accounts and statuses by id, and each account and status is rendered once.
 * `expand_accounts=partial_avatars` renders only each group's newest sender in full and the
 * other sample senders as PartialAccountWithAvatar, as Mastodon does.
 */
import type { NotificationGroupData } from "../../domain/notification-groups.ts";
import type { AccountRow } from "../../db/accounts.ts";
import { accountJson } from "./account.ts";
import {
  loadNotificationParts,
  type NotificationRenderOptions,
} from "./notification.ts";

export type ExpandAccounts = "full" | "partial_avatars";

function partialAccountJson(account: AccountRow, origin: string) {
  const full = accountJson(account, origin);
  return {
    id: full.id,
    acct: full.acct,
    url: full.url,
    avatar: full.avatar,
    avatar_static: full.avatar_static,
    locked: full.locked,
    bot: full.bot,
  };
}

export async function renderNotificationGroups(
  options: NotificationRenderOptions,
  groups: NotificationGroupData[],
  expand: ExpandAccounts = "full",
) {
  const { accounts, statuses, reports, events, ...parts } =
    await loadNotificationParts(
      options,
      groups.map((g) => g.head),
      groups.flatMap((g) => g.sample_account_ids),
    );
  const shown = groups.flatMap((group) => {
    const head = group.head;
    const sample = group.sample_account_ids.filter((id) => accounts.has(id));
    if (sample.length === 0) return [];
    if (head.status_id && !statuses.has(head.status_id)) return [];
    const report = head.report_id ? reports.get(head.report_id) : undefined;
    const event = head.account_relationship_severance_event_id
      ? events.get(head.account_relationship_severance_event_id)
      : undefined;
    return [{
      group_key: group.group_key,
      notifications_count: group.notifications_count,
      type: head.type,
      most_recent_notification_id: group.most_recent_notification_id,
      ...(group.page_min_id
        ? {
          page_min_id: group.page_min_id,
          page_max_id: group.page_max_id,
          latest_page_notification_at: group.latest_page_notification_at
            .toISOString(),
        }
        : {}),
      sample_account_ids: sample,
      status_id: head.status_id ?? null,
      ...(report ? { report } : {}),
      ...(event ? { event } : {}),
    }];
  });
  const partial = expand === "partial_avatars";
  const fullIds = new Set(
    shown.flatMap((g) =>
      partial ? g.sample_account_ids.slice(0, 1) : g.sample_account_ids
    ),
  );
  const partialIds = new Set(
    shown.flatMap((g) => g.sample_account_ids.slice(1))
      .filter((id) => partial && !fullIds.has(id)),
  );
  const usedStatuses = new Set(shown.map((g) => g.status_id).filter(Boolean));
  return {
    accounts: [...fullIds].map((id) => parts.accountJson(accounts.get(id)!)),
    ...(partial
      ? {
        partial_accounts: [...partialIds].map((id) =>
          partialAccountJson(accounts.get(id)!, options.origin)
        ),
      }
      : {}),
    statuses: [...statuses.values()].filter((s) => usedStatuses.has(s.id)),
    notification_groups: shown,
  };
}
