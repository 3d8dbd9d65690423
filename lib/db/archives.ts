/** SQL for account archives: the exports a user asks for, the imports they upload. */
import type { Queryable } from "./client.ts";
import type { StatusRow } from "./statuses.ts";

export interface ArchiveRow {
  id: string;
  account_id: string;
  state: "pending" | "ready" | "failed";
  storage_key: string | null;
  size: string | null;
  created_at: Date;
  completed_at: Date | null;
}

export async function insertArchive(
  db: Queryable,
  accountId: string,
): Promise<ArchiveRow> {
  const [row] = await db<ArchiveRow[]>`
    INSERT INTO archives (account_id) VALUES (${accountId}) RETURNING *`;
  return row;
}

export async function findArchive(
  db: Queryable,
  id: string,
): Promise<ArchiveRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<ArchiveRow[]>`SELECT * FROM archives WHERE id = ${id}`;
  return row ?? null;
}

export async function latestArchive(
  db: Queryable,
  accountId: string,
): Promise<ArchiveRow | null> {
  const [row] = await db<ArchiveRow[]>`
    SELECT * FROM archives WHERE account_id = ${accountId}
    ORDER BY created_at DESC, id DESC LIMIT 1`;
  return row ?? null;
}

export async function markArchiveReady(
  db: Queryable,
  id: string,
  storageKey: string,
  size: number,
): Promise<void> {
  await db`
    UPDATE archives SET state = 'ready', storage_key = ${storageKey}, size = ${size},
      completed_at = now()
    WHERE id = ${id}`;
}

export async function markArchiveFailed(db: Queryable, id: string) {
  await db`UPDATE archives SET state = 'failed', completed_at = now() WHERE id = ${id}`;
}

/** Removes the account's archives other than `keepId`; returns their storage keys. */
export async function deleteOtherArchives(
  db: Queryable,
  accountId: string,
  keepId: string,
): Promise<string[]> {
  const rows = await db<{ storage_key: string | null }[]>`
    DELETE FROM archives WHERE account_id = ${accountId} AND id <> ${keepId}
    RETURNING storage_key`;
  return rows.flatMap((r) => r.storage_key ? [r.storage_key] : []);
}

/** The account's statuses (posts and boosts) after `afterId`, oldest first: keyset pages. */
export async function statusesAfter(
  db: Queryable,
  accountId: string,
  afterId: string,
  limit: number,
): Promise<StatusRow[]> {
  return await db<StatusRow[]>`
    SELECT * FROM statuses WHERE account_id = ${accountId} AND id > ${afterId}
    ORDER BY id LIMIT ${limit}`;
}

/** Ids of what the account liked (`favourites`) or bookmarked, oldest first, keyset pages. */
export async function interactionUrisAfter(
  db: Queryable,
  table: "favourites" | "bookmarks",
  accountId: string,
  afterId: string,
  limit: number,
): Promise<{ id: string; uri: string }[]> {
  return await db<{ id: string; uri: string }[]>`
    SELECT i.id, s.uri FROM ${db(table)} i JOIN statuses s ON s.id = i.status_id
    WHERE i.account_id = ${accountId} AND i.id > ${afterId}
    ORDER BY i.id LIMIT ${limit}`;
}

export interface ArchiveImportRow {
  id: string;
  account_id: string;
  state:
    | "analysing"
    | "analysed"
    | "importing"
    | "done"
    | "failed"
    | "cancelled";
  storage_key: string;
  size: string;
  summary: unknown;
  result: unknown;
  error: string | null;
  created_at: Date;
  updated_at: Date;
}

export async function insertArchiveImport(
  db: Queryable,
  accountId: string,
  storageKey: string,
  size: number,
): Promise<ArchiveImportRow> {
  const [row] = await db<ArchiveImportRow[]>`
    INSERT INTO archive_imports (account_id, storage_key, size)
    VALUES (${accountId}, ${storageKey}, ${size}) RETURNING *`;
  return row;
}

export async function findArchiveImport(
  db: Queryable,
  id: string,
): Promise<ArchiveImportRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<ArchiveImportRow[]>`
    SELECT * FROM archive_imports WHERE id = ${id}`;
  return row ?? null;
}

export async function latestArchiveImport(
  db: Queryable,
  accountId: string,
): Promise<ArchiveImportRow | null> {
  const [row] = await db<ArchiveImportRow[]>`
    SELECT * FROM archive_imports WHERE account_id = ${accountId}
    ORDER BY id DESC LIMIT 1`;
  return row ?? null;
}

/** Moves an import from `from` to `to` (with its counts or error); false if it wasn't in `from`. */
export async function moveArchiveImport(
  db: Queryable,
  id: string,
  from: ArchiveImportRow["state"][],
  to: ArchiveImportRow["state"],
  fields: { summary?: unknown; result?: unknown; error?: string } = {},
): Promise<boolean> {
  const rows = await db`
    UPDATE archive_imports SET state = ${to}, updated_at = now(),
      summary = coalesce(${
    fields.summary === undefined ? null : db.json(fields.summary as never)
  }::jsonb, summary),
      result = coalesce(${
    fields.result === undefined ? null : db.json(fields.result as never)
  }::jsonb, result),
      error = coalesce(${fields.error ?? null}, error)
    WHERE id = ${id} AND state = ANY(${from}::text[])
    RETURNING id`;
  return rows.length > 0;
}

/**
 * Of `uris` (ids of archived posts), those already here for `accountId`: imported before
 * (`origin_uri`) or their very own statuses (a Starling archive brought back to its server).
 */
export async function knownArchivedUris(
  db: Queryable,
  accountId: string,
  uris: string[],
): Promise<Set<string>> {
  if (uris.length === 0) return new Set();
  const rows = await db<{ uri: string }[]>`
    SELECT origin_uri AS uri FROM statuses
    WHERE account_id = ${accountId} AND origin_uri = ANY(${uris}::text[])
    UNION
    SELECT uri FROM statuses WHERE account_id = ${accountId} AND uri = ANY(${uris}::text[])`;
  return new Set(rows.map((r) => r.uri));
}

/** Statuses known here by their id (`uri`) or, for `accountId`'s imports, their origin id. */
export async function statusesByArchivedUri(
  db: Queryable,
  accountId: string,
  uris: string[],
): Promise<Map<string, StatusRow>> {
  if (uris.length === 0) return new Map();
  const rows = await db<(StatusRow & { archived_uri: string })[]>`
    SELECT s.*, s.origin_uri AS archived_uri FROM statuses s
    WHERE s.account_id = ${accountId} AND s.origin_uri = ANY(${uris}::text[])
    UNION ALL
    SELECT s.*, s.uri AS archived_uri FROM statuses s WHERE s.uri = ANY(${uris}::text[])`;
  return new Map(rows.map((r) => [r.archived_uri, r]));
}

/** Attaches an imported file to its imported post, at its place among the post's files. */
export async function attachImportedMedia(
  db: Queryable,
  accountId: string,
  mediaId: string,
  originUri: string,
  position: number,
): Promise<boolean> {
  const rows = await db`
    UPDATE media_attachments m SET status_id = s.id, position = ${position}, updated_at = now()
    FROM statuses s
    WHERE m.id = ${mediaId} AND m.account_id = ${accountId} AND m.status_id IS NULL
      AND s.account_id = ${accountId} AND s.origin_uri = ${originUri}
    RETURNING m.id`;
  return rows.length > 0;
}

/**
 * Links imported replies whose parent was imported after them (an archive out of order) to
 * it: their thread then holds together as it did. Returns how many were linked.
 */
export async function linkImportedReplies(
  db: Queryable,
  accountId: string,
): Promise<number> {
  const rows = await db`
    UPDATE statuses child SET in_reply_to_id = parent.id, in_reply_to_uri = parent.uri,
      in_reply_to_account_id = parent.account_id, conversation_id = parent.conversation_id
    FROM statuses parent
    WHERE child.account_id = ${accountId} AND child.imported_at IS NOT NULL
      AND child.in_reply_to_id IS NULL AND child.in_reply_to_uri IS NOT NULL
      AND parent.account_id = ${accountId} AND parent.origin_uri = child.in_reply_to_uri
    RETURNING child.id`;
  return rows.length;
}

/** Whether `accountId` boosted `statusId` already (one boost per post). */
export async function hasBoosted(
  db: Queryable,
  accountId: string,
  statusId: string,
): Promise<boolean> {
  const rows = await db`
    SELECT 1 FROM statuses WHERE account_id = ${accountId} AND reblog_of_id = ${statusId}`;
  return rows.length > 0;
}

/**
 * Of `originUris`, the imported posts of `accountId` without any file: an import stopped
 * between its posts and their files (files come last) finishes them when it runs again.
 */
export async function importedWithoutMedia(
  db: Queryable,
  accountId: string,
  originUris: string[],
): Promise<Set<string>> {
  if (originUris.length === 0) return new Set();
  const rows = await db<{ origin_uri: string }[]>`
    SELECT s.origin_uri FROM statuses s
    WHERE s.account_id = ${accountId} AND s.origin_uri = ANY(${originUris}::text[])
      AND NOT EXISTS (SELECT 1 FROM media_attachments m WHERE m.status_id = s.id)`;
  return new Set(rows.map((r) => r.origin_uri));
}
