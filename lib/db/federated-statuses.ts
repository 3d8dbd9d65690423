/**
 * Status SQL the federation layer needs (reading local statuses to serve and send them; writing
 * remote ones). Written by the federation engineer beside `statuses.ts`; merge when convenient.
 */
import type { Queryable } from "./client.ts";

export type { StatusRow } from "./statuses.ts";
import type { StatusRow } from "./statuses.ts";

export interface MediaRow {
  id: string;
  type: string;
  content_type: string | null;
  file_key: string | null;
  remote_url: string | null;
  description: string | null;
  blurhash: string | null;
  meta: {
    width?: number;
    height?: number;
    original?: { width?: number; height?: number };
  };
}

export interface PollRow {
  id: string;
  options: string[];
  votes_counts: number[];
  multiple: boolean;
  voters_count: number;
  expires_at: Date | null;
}

export { findStatusById, findStatusByUri } from "./statuses.ts";

/** Accounts mentioned by a status (uri null for local ones). */
export async function statusMentions(
  db: Queryable,
  statusId: string,
): Promise<
  { id: string; username: string; domain: string | null; uri: string | null }[]
> {
  return await db`
    SELECT a.id, a.username, a.domain, a.uri FROM mentions m
    JOIN accounts a ON a.id = m.account_id WHERE m.status_id = ${statusId} ORDER BY m.id`;
}

export async function statusTagNames(
  db: Queryable,
  statusId: string,
): Promise<string[]> {
  const rows = await db<{ display_name: string }[]>`
    SELECT t.display_name FROM statuses_tags st JOIN tags t ON t.id = st.tag_id
    WHERE st.status_id = ${statusId} ORDER BY t.name`;
  return rows.map((r) => r.display_name);
}

export async function statusMedia(
  db: Queryable,
  statusId: string,
): Promise<MediaRow[]> {
  return await db<MediaRow[]>`
    SELECT id, type, content_type, file_key, remote_url, description, blurhash, meta
    FROM media_attachments WHERE status_id = ${statusId} ORDER BY position, id`;
}

export async function findPoll(
  db: Queryable,
  id: string,
): Promise<PollRow | null> {
  const [row] = await db<PollRow[]>`
    SELECT id, options, votes_counts, multiple, voters_count, expires_at FROM polls WHERE id = ${id}`;
  return row ?? null;
}

/** Public and unlisted original posts and boosts of an account, newest first (the outbox). */
export async function outboxPage(
  db: Queryable,
  accountId: string,
  options: { beforeId?: string; limit: number },
): Promise<StatusRow[]> {
  const before = options.beforeId ?? null;
  return await db<StatusRow[]>`
    SELECT * FROM statuses
    WHERE account_id = ${accountId} AND visibility IN ('public', 'unlisted')
      AND (${before}::bigint IS NULL OR id < ${before}::bigint)
    ORDER BY id DESC LIMIT ${options.limit}`;
}

export async function countOutbox(
  db: Queryable,
  accountId: string,
): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    SELECT count(*)::int AS n FROM statuses
    WHERE account_id = ${accountId} AND visibility IN ('public', 'unlisted')`;
  return row.n;
}

export async function pinnedStatuses(
  db: Queryable,
  accountId: string,
): Promise<StatusRow[]> {
  return await db<StatusRow[]>`
    SELECT s.* FROM status_pins p JOIN statuses s ON s.id = p.status_id
    WHERE p.account_id = ${accountId} AND s.visibility IN ('public', 'unlisted')
    ORDER BY p.id DESC`;
}
