/**
 * Grouped notifications (Mastodon 4.3's v2 API): favourites and boosts of one status, follows
 * and sign-ups are one group each, unless the client asks for fewer `grouped_types`. The same
 * visibility rule as the ungrouped list applies: a notification about a status the recipient
 * may not see, or from a suspended sender, is left out.
 */
import type { Queryable } from "../db/client.ts";
import * as db from "../db/notification-groups.ts";
import type { NotificationRow } from "../db/notifications.ts";
import { visibleToSql } from "../db/visibility.ts";
import { notFound } from "./errors.ts";
import { NOTIFICATION_TYPES } from "./notifications.ts";

export const GROUPABLE_TYPES = [
  "favourite",
  "reblog",
  "follow",
  "admin.sign_up",
];

export interface GroupFilter {
  types?: string[];
  excludeTypes?: string[];
  accountId?: string;
  groupedTypes?: string[];
  includeFiltered?: boolean;
}

/** One group as the API shows it; `head` is its newest notification on the page. */
export interface NotificationGroupData {
  group_key: string;
  head: NotificationRow;
  notifications_count: number;
  most_recent_notification_id: string;
  sample_account_ids: string[];
  latest_page_notification_at: Date;
  page_min_id?: string;
  page_max_id?: string;
}

function query(filter: GroupFilter): db.GroupQuery {
  const known = (list?: string[]) =>
    list?.filter((t) => NOTIFICATION_TYPES.includes(t));
  const types = known(filter.types);
  return {
    // Unknown types (`types[]=reaction`) are ignored; only unknown ones match nothing.
    types: filter.types?.length
      ? (types?.length ? types : ["__none__"])
      : undefined,
    excludeTypes: known(filter.excludeTypes),
    fromAccountId: filter.accountId && /^\d{1,19}$/.test(filter.accountId)
      ? filter.accountId
      : undefined,
    includeFiltered: filter.includeFiltered,
    groupedTypes: filter.groupedTypes?.length
      ? filter.groupedTypes.filter((t) => GROUPABLE_TYPES.includes(t))
      : GROUPABLE_TYPES,
  };
}

/** Groups the heads stand for, summarised over the stored groups they belong to. */
async function groupsOf(
  sql: Queryable,
  recipientId: string,
  heads: db.GroupedRow[],
  q: db.GroupQuery,
  paged: boolean,
): Promise<NotificationGroupData[]> {
  if (heads.length === 0) return [];
  const visible = visibleToSql(sql, recipientId, "s");
  const range = paged
    ? { min: heads[heads.length - 1].id, max: heads[0].id }
    : null;
  const stored = heads.filter((h) => !h.effective_key.startsWith("ungrouped-"))
    .map((h) => h.effective_key);
  const summaries = new Map(
    (await db.summariseGroups(sql, recipientId, stored, q, visible, range))
      .map((s) => [s.group_key, s]),
  );
  return heads.map((head) => {
    const summary = summaries.get(head.effective_key);
    const paging = paged
      ? {
        page_min_id: summary?.page_min_id ?? head.id,
        page_max_id: head.id,
      }
      : {};
    if (!summary) {
      return {
        group_key: head.effective_key,
        head,
        notifications_count: 1,
        most_recent_notification_id: head.id,
        sample_account_ids: [head.from_account_id],
        latest_page_notification_at: head.created_at,
        ...paging,
      };
    }
    return {
      group_key: head.effective_key,
      head,
      notifications_count: summary.notifications_count,
      most_recent_notification_id: summary.most_recent_notification_id,
      sample_account_ids: summary.sample_account_ids,
      latest_page_notification_at: summary.latest_notification_at,
      ...paging,
    };
  });
}

export async function listNotificationGroups(
  sql: Queryable,
  recipientId: string,
  filter: GroupFilter,
  page: { maxId?: string; sinceId?: string; minId?: string; limit: number },
): Promise<NotificationGroupData[]> {
  const q = query(filter);
  const heads = await db.listGroupHeads(
    sql,
    recipientId,
    { ...q, ...page },
    visibleToSql(sql, recipientId, "s"),
  );
  return await groupsOf(sql, recipientId, heads, q, true);
}

/** One group by its key, summarised over all of it; 404 when the caller has no such group. */
export async function getNotificationGroup(
  sql: Queryable,
  recipientId: string,
  groupKey: string,
): Promise<NotificationGroupData> {
  const head = await db.findGroupHead(
    sql,
    recipientId,
    groupKey,
    visibleToSql(sql, recipientId, "s"),
  );
  if (!head) throw notFound();
  const q = query({ includeFiltered: head.filtered });
  const effective_key = groupKey.startsWith("ungrouped-")
    ? groupKey
    : head.group_key;
  const [group] = await groupsOf(
    sql,
    recipientId,
    [{ ...head, effective_key }],
    q,
    false,
  );
  return group;
}

/** Everyone in a group, newest first (Mastodon caps the list at 80). */
export async function notificationGroupSenderIds(
  sql: Queryable,
  recipientId: string,
  groupKey: string,
): Promise<string[]> {
  const ids = await db.groupSenderIds(
    sql,
    recipientId,
    groupKey,
    visibleToSql(sql, recipientId, "s"),
    80,
  );
  if (ids.length === 0) throw notFound();
  return ids;
}

/** Dismisses every notification of the group; an unknown group is not an error (Mastodon). */
export async function dismissNotificationGroup(
  sql: Queryable,
  recipientId: string,
  groupKey: string,
): Promise<void> {
  await db.deleteGroup(sql, recipientId, groupKey);
}

/** Groups with something newer than the read marker, counted up to `limit`. */
export async function unreadGroupCount(
  sql: Queryable,
  recipientId: string,
  sinceId: string | null,
  filter: GroupFilter,
  limit: number,
): Promise<number> {
  return await db.countGroupsSince(
    sql,
    recipientId,
    sinceId,
    query(filter),
    visibleToSql(sql, recipientId, "s"),
    limit,
  );
}
