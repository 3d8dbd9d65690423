/**
 * SQL for grouped notifications (Mastodon 4.3's v2 API): a page holds up to `limit` distinct
 * groups, each represented by its newest notification in the paging window, and each group's
 * summary (count, sample senders, ids) is computed over the group's stored notifications.
 * A notification whose type is not among the requested `grouped_types` is a group of its own,
 * keyed `ungrouped-<id>`, as in Mastodon.
 */
import type { Queryable } from "./client.ts";
import type { NotificationRow } from "./notifications.ts";
import type { Fragment } from "./visibility.ts";

export interface GroupQuery {
  types?: string[];
  excludeTypes?: string[];
  fromAccountId?: string;
  /** Also what the notification policy filtered (under requests). */
  includeFiltered?: boolean;
  /** Types that group; every other notification stands alone. */
  groupedTypes: string[];
}

export type GroupedRow = NotificationRow & { effective_key: string };

/** The shared WHERE: the recipient's notifications that pass the query and may be seen. */
function conditions(
  db: Queryable,
  recipientId: string,
  q: GroupQuery,
  visible: Fragment,
): Fragment {
  return db`n.account_id = ${recipientId}
      ${q.includeFiltered ? db`` : db`AND NOT n.filtered`}
      ${q.types?.length ? db`AND n.type = ANY(${q.types}::text[])` : db``}
      ${
    q.excludeTypes?.length
      ? db`AND NOT (n.type = ANY(${q.excludeTypes}::text[]))`
      : db``
  }
      ${q.fromAccountId ? db`AND n.from_account_id = ${q.fromAccountId}` : db``}
      AND (n.status_id IS NULL OR ${visible})
      AND NOT EXISTS (SELECT 1 FROM accounts fa WHERE fa.id = n.from_account_id
                      AND fa.suspended_at IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM account_domain_blocks db
                      JOIN accounts da ON lower(da.domain) = db.domain
                      WHERE db.account_id = ${recipientId} AND da.id = n.from_account_id)`;
}

function effectiveKey(db: Queryable, groupedTypes: string[]): Fragment {
  return db`CASE WHEN n.type = ANY(${groupedTypes}::text[])
                  AND n.group_key NOT LIKE 'ungrouped-%'
             THEN n.group_key ELSE 'ungrouped-' || n.id END`;
}

/**
 * How many of the newest notifications a page looks through for its groups: enough for many
 * full groups, without reading a whole history. A group with more members than this shows up
 * again, with its older part, on a later page — as it can on Mastodon.
 */
const CANDIDATES = 2000;

/** One page of groups, newest first, each as its newest notification inside the window. */
export async function listGroupHeads(
  db: Queryable,
  recipientId: string,
  q: GroupQuery & {
    maxId?: string;
    sinceId?: string;
    minId?: string;
    limit: number;
  },
  visible: Fragment,
): Promise<GroupedRow[]> {
  const ascending = Boolean(q.minId);
  const rows = await db<GroupedRow[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (effective_key) * FROM (
        SELECT n.*, ${effectiveKey(db, q.groupedTypes)} AS effective_key
        FROM notifications n LEFT JOIN statuses s ON s.id = n.status_id
        WHERE ${conditions(db, recipientId, q, visible)}
          ${q.maxId ? db`AND n.id < ${q.maxId}` : db``}
          ${q.sinceId ? db`AND n.id > ${q.sinceId}` : db``}
          ${q.minId ? db`AND n.id > ${q.minId}` : db``}
        ORDER BY n.id ${ascending ? db`ASC` : db`DESC`}
        LIMIT ${CANDIDATES}
      ) candidates
      ORDER BY effective_key, id ${ascending ? db`ASC` : db`DESC`}
    ) heads
    ORDER BY id ${ascending ? db`ASC` : db`DESC`}
    LIMIT ${q.limit}`;
  return ascending ? [...rows].reverse() : [...rows];
}

export interface GroupSummary {
  group_key: string;
  most_recent_notification_id: string;
  notifications_count: number;
  sample_account_ids: string[];
  latest_notification_at: Date;
  page_min_id: string;
}

/**
 * Summaries of stored groups (real `group_key`s): counted up to `range.max` and with the
 * page's oldest member at or above `range.min` (Mastodon's paging window), or over everything.
 */
export async function summariseGroups(
  db: Queryable,
  recipientId: string,
  keys: string[],
  q: GroupQuery,
  visible: Fragment,
  range: { min: string; max: string } | null,
  sampleSize = 8,
): Promise<GroupSummary[]> {
  if (keys.length === 0) return [];
  const upTo = range ? db`AND n.id <= ${range.max}` : db``;
  const from = range ? db`AND n.id >= ${range.min}` : db``;
  const members =
    db`FROM notifications n LEFT JOIN statuses s ON s.id = n.status_id
    WHERE n.group_key = g.key AND ${conditions(db, recipientId, q, visible)}`;
  const rows = await db<
    (GroupSummary & { most_recent_notification_id: string | null })[]
  >`
    SELECT g.key AS group_key,
      (SELECT n.id::text ${members} ${upTo} ORDER BY n.id DESC LIMIT 1)
        AS most_recent_notification_id,
      (SELECT count(*)::int ${members} ${upTo}) AS notifications_count,
      array(SELECT x.from_account_id::text FROM (
        SELECT n.from_account_id, max(n.id) AS last ${members} ${upTo}
        GROUP BY n.from_account_id ORDER BY last DESC LIMIT ${sampleSize}) x
        ORDER BY x.last DESC) AS sample_account_ids,
      (SELECT n.created_at ${members} ${upTo} ORDER BY n.id DESC LIMIT 1)
        AS latest_notification_at,
      (SELECT n.id::text ${members} ${from} ORDER BY n.id ASC LIMIT 1) AS page_min_id
    FROM unnest(${keys}::text[]) AS g(key)`;
  return rows.filter((r) => r.most_recent_notification_id !== null);
}

/** The newest notification of a group (`ungrouped-<id>` names one notification). */
export async function findGroupHead(
  db: Queryable,
  recipientId: string,
  groupKey: string,
  visible: Fragment,
): Promise<NotificationRow | null> {
  const [row] = await db<NotificationRow[]>`
    SELECT n.* FROM notifications n LEFT JOIN statuses s ON s.id = n.status_id
    WHERE ${byKey(db, groupKey)}
      AND ${conditions(db, recipientId, { groupedTypes: [] }, visible)}
    ORDER BY n.id DESC LIMIT 1`;
  return row ?? null;
}

function byKey(db: Queryable, groupKey: string): Fragment {
  const single = /^ungrouped-(\d{1,19})$/.exec(groupKey);
  return single ? db`n.id = ${single[1]}` : db`n.group_key = ${groupKey}`;
}

/** Every sender in a group, newest first. */
export async function groupSenderIds(
  db: Queryable,
  recipientId: string,
  groupKey: string,
  visible: Fragment,
  limit: number,
): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    SELECT x.from_account_id::text AS id FROM (
      SELECT n.from_account_id, max(n.id) AS last
      FROM notifications n LEFT JOIN statuses s ON s.id = n.status_id
      WHERE ${byKey(db, groupKey)}
        AND ${conditions(db, recipientId, { groupedTypes: [] }, visible)}
      GROUP BY n.from_account_id ORDER BY last DESC LIMIT ${limit}) x`;
  return rows.map((r) => r.id);
}

export async function deleteGroup(
  db: Queryable,
  recipientId: string,
  groupKey: string,
): Promise<number> {
  const result = await db`DELETE FROM notifications n
    WHERE n.account_id = ${recipientId} AND ${byKey(db, groupKey)}`;
  return result.count;
}

/** Distinct groups with a notification newer than `sinceId`, counted up to `limit`. */
export async function countGroupsSince(
  db: Queryable,
  recipientId: string,
  sinceId: string | null,
  q: GroupQuery,
  visible: Fragment,
  limit: number,
): Promise<number> {
  const [row] = await db<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (
      SELECT DISTINCT ${effectiveKey(db, q.groupedTypes)}
      FROM notifications n LEFT JOIN statuses s ON s.id = n.status_id
      WHERE ${conditions(db, recipientId, q, visible)}
        ${sinceId ? db`AND n.id > ${sinceId}` : db``}
      LIMIT ${limit}) x`;
  return row.count;
}
