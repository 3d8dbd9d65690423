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
  const { where, tail } = paging(db, "s.id", page);
  const rows = await db<StatusRow[]>`
    SELECT s.* FROM home_feed_entries h
    JOIN statuses s ON s.id = h.status_id
    LEFT JOIN statuses r ON r.id = s.reblog_of_id
    WHERE h.account_id = ${viewerId} ${where}
      AND ${visibleWithReblogSql(db, viewerId)} AND ${
    notSilencedSql(db, viewerId)
  }
      AND ${authorNotSuspendedSql(db)}
    ${tail}`;
  return newestFirst(rows, page);
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
  const { where, tail } = paging(db, "s.id", page);
  const rows = await db<StatusRow[]>`
    SELECT s.* FROM statuses s LEFT JOIN statuses r ON FALSE
    WHERE s.visibility = 'public' AND s.reblog_of_id IS NULL ${where}
      ${options.local ? db`AND s.local` : db``}
      ${options.remote ? db`AND NOT s.local` : db``}
      ${
    options.onlyMedia
      ? db`AND EXISTS (SELECT 1 FROM media_attachments m WHERE m.status_id = s.id)`
      : db``
  }
      AND ${visibleToSql(db, viewerId)} AND ${notSilencedSql(db, viewerId)}
      AND ${authorShownSql(db, viewerId)}
    ${tail}`;
  return newestFirst(rows, page);
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
  const { where, tail } = paging(db, "s.id", page);
  const rows = await db<StatusRow[]>`
    SELECT s.* FROM statuses s LEFT JOIN statuses r ON FALSE
    WHERE s.visibility = 'public' AND s.reblog_of_id IS NULL ${where}
      AND EXISTS (SELECT 1 FROM statuses_tags st JOIN tags t ON t.id = st.tag_id
                  WHERE st.status_id = s.id AND t.name = ANY(${anyOf}::text[]))
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
      ${
    options.onlyMedia
      ? db`AND EXISTS (SELECT 1 FROM media_attachments m WHERE m.status_id = s.id)`
      : db``
  }
      AND ${visibleToSql(db, viewerId)} AND ${notSilencedSql(db, viewerId)}
      AND ${authorShownSql(db, viewerId)}
    ${tail}`;
  return newestFirst(rows, page);
}

export async function listTimeline(
  db: Queryable,
  viewerId: string,
  list: { id: string; replies_policy: string },
  page: Page,
) {
  const { where, tail } = paging(db, "s.id", page);
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
  const rows = await db<StatusRow[]>`
    SELECT s.* FROM statuses s LEFT JOIN statuses r ON r.id = s.reblog_of_id
    WHERE s.account_id IN (${members}) ${where} ${replies}
      AND ${visibleWithReblogSql(db, viewerId)} AND ${
    notSilencedSql(db, viewerId)
  }
      AND ${authorNotSuspendedSql(db)}
    ${tail}`;
  return newestFirst(rows, page);
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
  const { where, tail } = paging(db, "s.id", page);
  const rows = await db<StatusRow[]>`
    SELECT s.* FROM statuses s LEFT JOIN statuses r ON r.id = s.reblog_of_id
    WHERE s.account_id = ${accountId} ${where}
      ${
    options.pinned
      ? db`AND EXISTS (SELECT 1 FROM status_pins p WHERE p.status_id = s.id
                       AND p.account_id = ${accountId})`
      : db``
  }
      ${
    options.onlyMedia
      ? db`AND EXISTS (SELECT 1 FROM media_attachments m WHERE m.status_id = s.id)`
      : db``
  }
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
      AND ${visibleWithReblogSql(db, viewerId)}
    ${tail}`;
  return newestFirst(rows, page);
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
