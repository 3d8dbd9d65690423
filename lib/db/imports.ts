/**
 * SQL for CSV imports (migration 0030's `imports` and `import_rows`) and for the pages the CSV
 * exports read, oldest first, by keyset (`afterId`), so an export streams in bounded pieces.
 */
import type { Queryable, Tx } from "./client.ts";

export type ImportType =
  | "following"
  | "blocking"
  | "muting"
  | "domain_blocking"
  | "bookmarks"
  | "lists";
export type ImportMode = "merge" | "overwrite";

export interface ImportRecord {
  id: string;
  account_id: string;
  type: ImportType;
  mode: ImportMode;
  file_name: string;
  total_rows: number;
  processed_rows: number;
  failed_rows: number;
  created_at: Date;
  finished_at: Date | null;
  /** Its job gave up after its retries (parked): nothing more happens until an admin retries it. */
  stalled: boolean;
}

/** A row as written: its fields (`lib/imports/parse.ts` says which) as JSON. */
export interface ImportRowRecord {
  line: number;
  data: unknown;
}

export interface FailedImportRow {
  line: number;
  data: Record<string, unknown>;
  error: string;
}

const IMPORT_COLUMNS = (db: Queryable) =>
  db`i.id, i.account_id, i.type, i.mode, i.file_name, i.total_rows, i.created_at,
     i.finished_at,
     (SELECT count(*) FROM import_rows r WHERE r.import_id = i.id AND r.state <> 'pending')::int
       AS processed_rows,
     (SELECT count(*) FROM import_rows r WHERE r.import_id = i.id AND r.state = 'failed')::int
       AS failed_rows,
     EXISTS (SELECT 1 FROM jobs j WHERE j.ordering_key = 'import:' || i.id
               AND j.parked_at IS NOT NULL) AS stalled`;

/** Writes the import and all its rows (in the caller's transaction); returns its id. */
export async function insertImport(
  tx: Tx,
  input: {
    accountId: string;
    type: ImportType;
    mode: ImportMode;
    fileName: string;
    rows: ImportRowRecord[];
  },
): Promise<string> {
  const [created] = await tx<{ id: string }[]>`
    INSERT INTO imports (account_id, type, mode, file_name, total_rows)
    VALUES (${input.accountId}, ${input.type}, ${input.mode}, ${input.fileName},
            ${input.rows.length})
    RETURNING id`;
  const CHUNK = 5_000;
  for (let start = 0; start < input.rows.length; start += CHUNK) {
    const chunk = input.rows.slice(start, start + CHUNK);
    await tx`
      INSERT INTO import_rows (import_id, line, data)
      SELECT ${created.id}, t.line, t.data::jsonb
      FROM unnest(${chunk.map((r) => r.line)}::int[],
                  ${
      chunk.map((r) => JSON.stringify(r.data))
    }::text[]) AS t(line, data)`;
  }
  return created.id;
}

export async function findImport(
  db: Queryable,
  id: string,
): Promise<ImportRecord | null> {
  const [row] = await db<ImportRecord[]>`
    SELECT ${IMPORT_COLUMNS(db)} FROM imports i WHERE i.id = ${id}`;
  return row ?? null;
}

/** The account's latest imports, newest first. */
export async function listImports(
  db: Queryable,
  accountId: string,
  limit: number,
): Promise<ImportRecord[]> {
  return await db<ImportRecord[]>`
    SELECT ${IMPORT_COLUMNS(db)} FROM imports i
    WHERE i.account_id = ${accountId} ORDER BY i.id DESC LIMIT ${limit}`;
}

export async function failedRows(
  db: Queryable,
  importId: string,
  limit: number,
): Promise<FailedImportRow[]> {
  return await db<FailedImportRow[]>`
    SELECT line, data, error FROM import_rows
    WHERE import_id = ${importId} AND state = 'failed' ORDER BY line LIMIT ${limit}`;
}

/** The next rows not yet applied, in file order. */
export async function pendingRows(
  db: Queryable,
  importId: string,
  limit: number,
): Promise<ImportRowRecord[]> {
  return await db<ImportRowRecord[]>`
    SELECT line, data FROM import_rows
    WHERE import_id = ${importId} AND state = 'pending' ORDER BY line LIMIT ${limit}`;
}

export async function markRow(
  db: Queryable,
  importId: string,
  line: number,
  outcome: { error: string } | { targetId: string | null },
): Promise<void> {
  const error = "error" in outcome ? outcome.error : null;
  const targetId = "targetId" in outcome ? outcome.targetId : null;
  await db`
    UPDATE import_rows
    SET state = ${error === null ? "done" : "failed"}, error = ${error},
        target_id = ${targetId}
    WHERE import_id = ${importId} AND line = ${line} AND state = 'pending'`;
}

/** The owner's list of that exact title (the oldest, should there be several). */
export async function listIdByTitle(
  db: Queryable,
  accountId: string,
  title: string,
): Promise<string | null> {
  const [row] = await db<{ id: string }[]>`
    SELECT id FROM lists WHERE account_id = ${accountId} AND title = ${title}
    ORDER BY id LIMIT 1`;
  return row?.id ?? null;
}

export async function markFinished(db: Queryable, id: string): Promise<void> {
  await db`UPDATE imports SET finished_at = now() WHERE id = ${id} AND finished_at IS NULL`;
}

// ---- Overwrite: what the account has that the file left out -------------------------------

/**
 * Accounts in `table` (follows and follow requests, blocks or mutes) of `accountId` that no row
 * of the import names, by resolved id or by address.
 */
export async function accountsLeftOut(
  db: Queryable,
  importId: string,
  accountId: string,
  table: "follows" | "blocks" | "mutes",
  host: string,
): Promise<string[]> {
  const source = table === "follows"
    ? db`(SELECT target_account_id FROM follows WHERE account_id = ${accountId}
          UNION SELECT target_account_id FROM follow_requests WHERE account_id = ${accountId})`
    : db`(SELECT target_account_id FROM ${
      db(table)
    } WHERE account_id = ${accountId})`;
  const rows = await db<{ id: string }[]>`
    SELECT a.id FROM ${source} AS t(target_account_id)
    JOIN accounts a ON a.id = t.target_account_id
    WHERE NOT EXISTS (
      SELECT 1 FROM import_rows r WHERE r.import_id = ${importId}
        AND (r.target_id = a.id OR lower(r.data->>'acct') =
             lower(a.username || '@' || coalesce(a.domain, ${host}))))`;
  return rows.map((r) => r.id);
}

export async function domainsLeftOut(
  db: Queryable,
  importId: string,
  accountId: string,
): Promise<string[]> {
  const rows = await db<{ domain: string }[]>`
    SELECT b.domain FROM account_domain_blocks b
    WHERE b.account_id = ${accountId} AND NOT EXISTS (
      SELECT 1 FROM import_rows r WHERE r.import_id = ${importId}
        AND lower(r.data->>'domain') = b.domain)`;
  return rows.map((r) => r.domain);
}

export async function deleteBookmarksLeftOut(
  db: Queryable,
  importId: string,
  accountId: string,
): Promise<void> {
  await db`
    DELETE FROM bookmarks b USING statuses s
    WHERE b.account_id = ${accountId} AND s.id = b.status_id AND NOT EXISTS (
      SELECT 1 FROM import_rows r WHERE r.import_id = ${importId}
        AND (r.target_id = b.status_id OR r.data->>'uri' = s.uri))`;
}

/** Lists the file doesn't name are deleted; in those it names, members it doesn't list leave. */
export async function deleteListsLeftOut(
  db: Queryable,
  importId: string,
  accountId: string,
  host: string,
): Promise<void> {
  await db`
    DELETE FROM lists l WHERE l.account_id = ${accountId} AND NOT EXISTS (
      SELECT 1 FROM import_rows r WHERE r.import_id = ${importId}
        AND r.data->>'list' = l.title)`;
  await db`
    DELETE FROM list_accounts la USING lists l, accounts a
    WHERE l.id = la.list_id AND l.account_id = ${accountId} AND a.id = la.account_id
      AND NOT EXISTS (
        SELECT 1 FROM import_rows r WHERE r.import_id = ${importId}
          AND r.data->>'list' = l.title
          AND (r.target_id = a.id OR lower(r.data->>'acct') =
               lower(a.username || '@' || coalesce(a.domain, ${host}))))`;
}

// ---- Export pages and counts ---------------------------------------------------------------

export interface ExportCounts {
  following: number;
  followers: number;
  lists: number;
  blocks: number;
  mutes: number;
  domain_blocks: number;
  bookmarks: number;
}

export async function exportCounts(
  db: Queryable,
  accountId: string,
): Promise<ExportCounts> {
  const [row] = await db<ExportCounts[]>`
    SELECT
      (SELECT count(*) FROM follows WHERE account_id = ${accountId})::int AS following,
      (SELECT count(*) FROM follows WHERE target_account_id = ${accountId})::int AS followers,
      (SELECT count(*) FROM lists WHERE account_id = ${accountId})::int AS lists,
      (SELECT count(*) FROM blocks WHERE account_id = ${accountId})::int AS blocks,
      (SELECT count(*) FROM mutes WHERE account_id = ${accountId})::int AS mutes,
      (SELECT count(*) FROM account_domain_blocks WHERE account_id = ${accountId})::int
        AS domain_blocks,
      (SELECT count(*) FROM bookmarks WHERE account_id = ${accountId})::int AS bookmarks`;
  return row;
}

/** One page of an export: rows with the key (`key`) the next page starts after. */
export type ExportPage<T> = (T & { key: string })[];

const acct = (db: Queryable, host: string) =>
  db`a.username || '@' || coalesce(a.domain, ${host})`;

export async function followingPage(
  db: Queryable,
  accountId: string,
  host: string,
  after: string,
  limit: number,
): Promise<
  ExportPage<
    {
      acct: string;
      show_reblogs: boolean;
      notify: boolean;
      languages: string[] | null;
    }
  >
> {
  return await db`
    SELECT f.id AS key, ${
    acct(db, host)
  } AS acct, f.show_reblogs, f.notify, f.languages
    FROM follows f JOIN accounts a ON a.id = f.target_account_id
    WHERE f.account_id = ${accountId} AND f.id > ${after}
    ORDER BY f.id LIMIT ${limit}`;
}

export async function followersPage(
  db: Queryable,
  accountId: string,
  host: string,
  after: string,
  limit: number,
): Promise<ExportPage<{ acct: string }>> {
  return await db`
    SELECT f.id AS key, ${acct(db, host)} AS acct
    FROM follows f JOIN accounts a ON a.id = f.account_id
    WHERE f.target_account_id = ${accountId} AND f.id > ${after}
    ORDER BY f.id LIMIT ${limit}`;
}

export async function blocksPage(
  db: Queryable,
  accountId: string,
  host: string,
  after: string,
  limit: number,
): Promise<ExportPage<{ acct: string }>> {
  return await db`
    SELECT b.id AS key, ${acct(db, host)} AS acct
    FROM blocks b JOIN accounts a ON a.id = b.target_account_id
    WHERE b.account_id = ${accountId} AND b.id > ${after}
    ORDER BY b.id LIMIT ${limit}`;
}

export async function mutesPage(
  db: Queryable,
  accountId: string,
  host: string,
  after: string,
  limit: number,
): Promise<ExportPage<{ acct: string; hide_notifications: boolean }>> {
  return await db`
    SELECT m.id AS key, ${acct(db, host)} AS acct, m.hide_notifications
    FROM mutes m JOIN accounts a ON a.id = m.target_account_id
    WHERE m.account_id = ${accountId} AND m.id > ${after}
    ORDER BY m.id LIMIT ${limit}`;
}

export async function domainBlocksPage(
  db: Queryable,
  accountId: string,
  after: string,
  limit: number,
): Promise<ExportPage<{ domain: string }>> {
  return await db`
    SELECT id AS key, domain FROM account_domain_blocks
    WHERE account_id = ${accountId} AND id > ${after}
    ORDER BY id LIMIT ${limit}`;
}

export async function bookmarksPage(
  db: Queryable,
  accountId: string,
  after: string,
  limit: number,
): Promise<ExportPage<{ uri: string }>> {
  return await db`
    SELECT b.id AS key, s.uri FROM bookmarks b JOIN statuses s ON s.id = b.status_id
    WHERE b.account_id = ${accountId} AND b.id > ${after}
    ORDER BY b.id LIMIT ${limit}`;
}

/** List memberships, by list then member; the key is `listId:accountId`. */
export async function listMembersPage(
  db: Queryable,
  accountId: string,
  host: string,
  after: string,
  limit: number,
): Promise<ExportPage<{ title: string; acct: string }>> {
  const [listId, memberId] = after.includes(":")
    ? after.split(":")
    : ["0", "0"];
  return await db`
    SELECT l.id || ':' || la.account_id AS key, l.title, ${
    acct(db, host)
  } AS acct
    FROM lists l JOIN list_accounts la ON la.list_id = l.id
    JOIN accounts a ON a.id = la.account_id
    WHERE l.account_id = ${accountId} AND (l.id, la.account_id) > (${listId}::bigint, ${memberId}::bigint)
    ORDER BY l.id, la.account_id LIMIT ${limit}`;
}
