/**
 * Timeline queries. Each filters with the visibility fragment from `visibility.ts` and pages by
 * id as Mastodon does: `max_id` (older than), `since_id` (newer than, newest first), `min_id`
 * (the page immediately newer than, fetched oldest first and returned newest first).
 */
import type { Queryable } from "./client.ts";
import type { StatusRow } from "./statuses.ts";
import type { AccountRow } from "./accounts.ts";
import {
  authorNotSuspendedSql,
  authorShownSql,
  type Fragment,
  notSilencedSql,
  visibleToSql,
  visibleWithReblogSql,
} from "./visibility.ts";
import { candidateRows, lookupById, windowedPage } from "./windowed.ts";

export interface Page {
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

/** `AND` conditions for paging on `column`, and the matching ORDER BY / LIMIT. */
export function paging(
  db: Queryable,
  column: string,
  page: Page,
): { where: Fragment; tail: Fragment } {
  const col = db.unsafe(column);
  const where = db`
    ${page.maxId ? db`AND ${col} < ${page.maxId}` : db``}
    ${page.sinceId ? db`AND ${col} > ${page.sinceId}` : db``}
    ${page.minId ? db`AND ${col} > ${page.minId}` : db``}`;
  const tail = page.minId
    ? db`ORDER BY ${col} ASC LIMIT ${page.limit}`
    : db`ORDER BY ${col} DESC LIMIT ${page.limit}`;
  return { where, tail };
}

/** A page fetched oldest first (`min_id`) turned newest first, as Mastodon answers. */
export function newestFirst<T>(rows: readonly T[], page: Page): T[] {
  return page.minId ? [...rows].reverse() : [...rows];
}

export async function homeTimeline(
  db: Queryable,
  viewerId: string,
  page: Page,
) {
  return await windowedPage<StatusRow>(db, "h.status_id", page, {
    candidates: (bounds, order, size) =>
      db`
      SELECT h.status_id AS id FROM home_feed_entries h
      WHERE h.account_id = ${viewerId} ${bounds}
      ORDER BY h.status_id ${order} LIMIT ${size}`,
    rows: db`
      SELECT s.* FROM ${candidateRows(db, "statuses", "s")}
      LEFT JOIN ${lookupById(db, "statuses", "r", "s.reblog_of_id")} ON TRUE
      WHERE ${visibleWithReblogSql(db, viewerId)}
        AND ${notSilencedSql(db, viewerId)}
        AND ${authorNotSuspendedSql(db)}`,
  });
}

export interface PublicOptions {
  local?: boolean;
  remote?: boolean;
  onlyMedia?: boolean;
}

export async function publicTimeline(
  db: Queryable,
  viewerId: string | null,
  options: PublicOptions,
  page: Page,
) {
  // The candidates come from the partial indexes statuses_public / statuses_public_local.
  return await windowedPage<StatusRow>(db, "p.id", page, {
    candidates: (bounds, order, size) =>
      db`
      SELECT p.id FROM statuses p
      WHERE p.visibility = 'public' AND p.reblog_of_id IS NULL ${bounds}
        ${options.local ? db`AND p.local` : db``}
        ${options.remote ? db`AND NOT p.local` : db``}
      ORDER BY p.id ${order} LIMIT ${size}`,
    rows: db`
      SELECT s.* FROM ${candidateRows(db, "statuses", "s")}
      LEFT JOIN statuses r ON FALSE
      WHERE ${mediaOnly(db, options)}
        AND ${visibleToSql(db, viewerId)} AND ${notSilencedSql(db, viewerId)}
        AND ${authorShownSql(db, viewerId)}`,
  });
}

function mediaOnly(db: Queryable, options: PublicOptions): Fragment {
  return options.onlyMedia
    ? db`EXISTS (SELECT 1 FROM media_attachments m WHERE m.status_id = s.id)`
    : db`TRUE`;
}

export interface TagOptions extends PublicOptions {
  tag: string;
  any?: string[];
  all?: string[];
  none?: string[];
}

export async function tagTimeline(
  db: Queryable,
  viewerId: string | null,
  options: TagOptions,
  page: Page,
) {
  const anyOf = [options.tag, ...(options.any ?? [])].map((t) =>
    t.toLowerCase()
  );
  const allOf = (options.all ?? []).map((t) => t.toLowerCase());
  const noneOf = (options.none ?? []).map((t) => t.toLowerCase());
  return await windowedPage<StatusRow>(db, "st.status_id", page, {
    // Newest first per tag (statuses_tags' primary key is (tag_id, status_id)), then merged:
    // what is sorted is at most `size` ids per tag asked for, never the tag's whole history.
    candidates: (bounds, order, size) =>
      db`
      SELECT DISTINCT tagged.id FROM tags t CROSS JOIN LATERAL (
        SELECT st.status_id AS id FROM statuses_tags st
        WHERE st.tag_id = t.id ${bounds}
        ORDER BY st.status_id ${order} LIMIT ${size}
      ) tagged
      WHERE t.name = ANY(${anyOf}::text[])
      ORDER BY tagged.id ${order} LIMIT ${size}`,
    rows: db`
      SELECT s.* FROM ${candidateRows(db, "statuses", "s")}
      LEFT JOIN statuses r ON FALSE
      WHERE s.visibility = 'public' AND s.reblog_of_id IS NULL
      ${
      allOf.length
        ? db`AND (SELECT count(DISTINCT t.name) FROM statuses_tags st JOIN tags t ON t.id = st.tag_id
                WHERE st.status_id = s.id AND t.name = ANY(${allOf}::text[])) = ${allOf.length}`
        : db``
    }
      ${
      noneOf.length
        ? db`AND NOT EXISTS (SELECT 1 FROM statuses_tags st JOIN tags t ON t.id = st.tag_id
                       WHERE st.status_id = s.id AND t.name = ANY(${noneOf}::text[]))`
        : db``
    }
      ${options.local ? db`AND s.local` : db``}
      ${options.remote ? db`AND NOT s.local` : db``}
      AND ${mediaOnly(db, options)}
      AND ${visibleToSql(db, viewerId)} AND ${notSilencedSql(db, viewerId)}
      AND ${authorShownSql(db, viewerId)}`,
  });
}

export async function listTimeline(
  db: Queryable,
  viewerId: string,
  list: { id: string; replies_policy: string },
  page: Page,
) {
  const members =
    db`SELECT account_id FROM list_accounts WHERE list_id = ${list.id}`;
  const replies = list.replies_policy === "none"
    ? db`AND (s.in_reply_to_account_id IS NULL OR s.in_reply_to_account_id = s.account_id)`
    : list.replies_policy === "list"
    ? db`AND (s.in_reply_to_account_id IS NULL OR s.in_reply_to_account_id = s.account_id
              OR s.in_reply_to_account_id IN (${members}))`
    : db`AND (s.in_reply_to_account_id IS NULL OR s.in_reply_to_account_id = s.account_id
              OR s.in_reply_to_account_id = ${viewerId} OR EXISTS (
                SELECT 1 FROM follows lf WHERE lf.account_id = ${viewerId}
                AND lf.target_account_id = s.in_reply_to_account_id))`;
  return await windowedPage<StatusRow>(db, "ms.id", page, {
    // Newest first per member (statuses_account is (account_id, id DESC)), then merged: what
    // is sorted is at most `size` ids per member, never the members' whole history.
    candidates: (bounds, order, size) =>
      db`
      SELECT member.id FROM list_accounts la CROSS JOIN LATERAL (
        SELECT ms.id FROM statuses ms
        WHERE ms.account_id = la.account_id ${bounds}
        ORDER BY ms.id ${order} LIMIT ${size}
      ) member
      WHERE la.list_id = ${list.id}
      ORDER BY member.id ${order} LIMIT ${size}`,
    rows: db`
      SELECT s.* FROM ${candidateRows(db, "statuses", "s")}
      LEFT JOIN ${lookupById(db, "statuses", "r", "s.reblog_of_id")} ON TRUE
      WHERE ${visibleWithReblogSql(db, viewerId)} ${replies}
        AND ${notSilencedSql(db, viewerId)}
        AND ${authorNotSuspendedSql(db)}`,
  });
}

export interface AccountStatusesOptions {
  onlyMedia?: boolean;
  excludeReplies?: boolean;
  excludeReblogs?: boolean;
  pinned?: boolean;
  tagged?: string;
  /** Public statuses only, whoever looks (the RSS feed: not unlisted either). */
  publicOnly?: boolean;
  /** Leave out direct statuses (Mastodon 4.6's `exclude_direct`). */
  excludeDirect?: boolean;
}

export async function accountStatuses(
  db: Queryable,
  viewerId: string | null,
  accountId: string,
  options: AccountStatusesOptions,
  page: Page,
) {
  // Pinned statuses come from the pins (few), everything else from statuses_account in order.
  const candidates = options.pinned
    ? (bounds: Fragment, order: Fragment, size: number) =>
      db`
      SELECT p.status_id AS id FROM status_pins p
      WHERE p.account_id = ${accountId} ${bounds}
      ORDER BY p.status_id ${order} LIMIT ${size}`
    : (bounds: Fragment, order: Fragment, size: number) =>
      db`
      SELECT p.id FROM statuses p
      WHERE p.account_id = ${accountId} ${bounds}
      ORDER BY p.id ${order} LIMIT ${size}`;
  return await windowedPage<StatusRow>(
    db,
    options.pinned ? "p.status_id" : "p.id",
    page,
    {
      candidates,
      rows: db`
      SELECT s.* FROM ${candidateRows(db, "statuses", "s")}
      LEFT JOIN ${lookupById(db, "statuses", "r", "s.reblog_of_id")} ON TRUE
      WHERE s.account_id = ${accountId}
      ${options.onlyMedia ? db`AND ${mediaOnly(db, options)}` : db``}
      ${
        options.excludeReplies
          ? db`AND (s.in_reply_to_id IS NULL OR s.in_reply_to_account_id = s.account_id)`
          : db``
      }
      ${
        options.excludeReblogs || options.onlyMedia
          ? db`AND s.reblog_of_id IS NULL`
          : db``
      }
      ${
        options.tagged
          ? db`AND EXISTS (SELECT 1 FROM statuses_tags st JOIN tags t ON t.id = st.tag_id
                       WHERE st.status_id = s.id AND t.name = ${options.tagged.toLowerCase()})`
          : db``
      }
      ${options.publicOnly ? db`AND s.visibility = 'public'` : db``}
      ${options.excludeDirect ? db`AND s.visibility <> 'direct'` : db``}
      AND ${visibleWithReblogSql(db, viewerId)}`,
    },
  );
}

/** Ancestors, oldest first, up to `limit` (following in_reply_to_id upwards). */
export async function ancestors(
  db: Queryable,
  viewerId: string | null,
  status: StatusRow,
  limit = 40,
) {
  const rows = await db<StatusRow[]>`
    WITH RECURSIVE up(id, depth) AS (
      SELECT ${status.in_reply_to_id}::bigint, 1 WHERE ${status.in_reply_to_id}::bigint IS NOT NULL
      UNION ALL
      SELECT p.in_reply_to_id, up.depth + 1 FROM up JOIN statuses p ON p.id = up.id
      WHERE p.in_reply_to_id IS NOT NULL AND up.depth < ${limit}
    )
    SELECT s.* FROM up JOIN statuses s ON s.id = up.id
    WHERE ${visibleToSql(db, viewerId)}
    ORDER BY s.id ASC`;
  return [...rows];
}

/** Descendants in thread order (depth-first, by id), depth and count capped. */
export async function descendants(
  db: Queryable,
  viewerId: string | null,
  status: StatusRow,
  options = { depth: 20, limit: 60 },
) {
  const rows = await db<StatusRow[]>`
    WITH RECURSIVE down(id, path, depth) AS (
      SELECT c.id, ARRAY[c.id], 1 FROM statuses c WHERE c.in_reply_to_id = ${status.id}
      UNION ALL
      SELECT c.id, down.path || c.id, down.depth + 1
      FROM down JOIN statuses c ON c.in_reply_to_id = down.id
      WHERE down.depth < ${options.depth}
    )
    SELECT s.* FROM down JOIN statuses s ON s.id = down.id
    WHERE ${visibleToSql(db, viewerId)} AND ${
    notSilencedSql(db, viewerId, "s", "s")
  }
    ORDER BY down.path
    LIMIT ${options.limit}`;
  return [...rows];
}

/** Bookmarks or favourites of the viewer, paged by the bookmark/favourite id. */
export async function markedStatuses(
  db: Queryable,
  viewerId: string,
  table: "bookmarks" | "favourites",
  page: Page,
): Promise<(StatusRow & { mark_id: string })[]> {
  const { where, tail } = paging(db, "x.id", page);
  const rows = await db<(StatusRow & { mark_id: string })[]>`
    SELECT s.*, x.id AS mark_id FROM ${db(table)} x
    JOIN statuses s ON s.id = x.status_id
    WHERE x.account_id = ${viewerId} ${where} AND ${visibleToSql(db, viewerId)}
    ${tail}`;
  return newestFirst(rows, page);
}

/** Accounts who favourited or reblogged a status, paged by the favourite/reblog id. */
export async function actorsOf(
  db: Queryable,
  statusId: string,
  kind: "favourites" | "reblogs",
  page: Page,
): Promise<(AccountRow & { mark_id: string })[]> {
  const { where, tail } = paging(db, "x.id", page);
  const source = kind === "favourites"
    ? db`SELECT id, account_id FROM favourites WHERE status_id = ${statusId}`
    : db`SELECT id, account_id FROM statuses WHERE reblog_of_id = ${statusId}`;
  const rows = await db<(AccountRow & { mark_id: string })[]>`
    SELECT a.*, x.id AS mark_id FROM (${source}) x JOIN accounts a ON a.id = x.account_id
    WHERE a.suspended_at IS NULL ${where}
    ${tail}`;
  return newestFirst(rows, page);
}
