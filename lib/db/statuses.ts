/** SQL for statuses and what hangs off them: mentions, tags, media links, edits, tombstones. */
import type { Queryable } from "./client.ts";

export interface StatusRow {
  id: string;
  uri: string;
  url: string | null;
  account_id: string;
  local: boolean;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  in_reply_to_uri: string | null;
  reblog_of_id: string | null;
  conversation_id: string | null;
  text: string;
  content: string;
  spoiler_text: string;
  sensitive: boolean;
  visibility: "public" | "unlisted" | "private" | "direct";
  language: string | null;
  application_id: string | null;
  poll_id: string | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  created_at: Date;
  edited_at: Date | null;
  updated_at: Date;
  /** Brought in from an account archive (then `origin_uri` is its id where it was written). */
  imported_at: Date | null;
  origin_uri: string | null;
}

export type NewStatusRow =
  & Pick<StatusRow, "id" | "uri" | "account_id" | "local" | "visibility">
  & Partial<
    Pick<
      StatusRow,
      | "url"
      | "in_reply_to_id"
      | "in_reply_to_account_id"
      | "in_reply_to_uri"
      | "reblog_of_id"
      | "conversation_id"
      | "text"
      | "content"
      | "spoiler_text"
      | "sensitive"
      | "language"
      | "application_id"
      | "poll_id"
      | "created_at"
      | "edited_at"
      | "imported_at"
      | "origin_uri"
    >
  >;

const ID = /^\d{1,19}$/;

/** A time-ordered id: from `published` for remote statuses, now for local ones. */
export async function nextStatusId(
  db: Queryable,
  published?: Date,
): Promise<string> {
  const [row] = published
    ? await db<{ id: string }[]>`SELECT starling_id(${published}) AS id`
    : await db<{ id: string }[]>`SELECT starling_id() AS id`;
  return row.id;
}

export async function insertStatusRow(
  db: Queryable,
  row: NewStatusRow,
): Promise<StatusRow> {
  const values: Record<string, unknown> = { ...row };
  for (const key of Object.keys(values)) {
    if (values[key] === undefined) delete values[key];
  }
  const [inserted] = await db<StatusRow[]>`
    INSERT INTO statuses ${db(values as Record<string, string>)} RETURNING *`;
  return inserted;
}

export async function findStatusById(
  db: Queryable,
  id: string,
): Promise<StatusRow | null> {
  if (!ID.test(id)) return null;
  const [row] = await db<StatusRow[]>`SELECT * FROM statuses WHERE id = ${id}`;
  return row ?? null;
}

export async function findStatusByUri(
  db: Queryable,
  uri: string,
): Promise<StatusRow | null> {
  const [row] = await db<
    StatusRow[]
  >`SELECT * FROM statuses WHERE uri = ${uri}`;
  return row ?? null;
}

export async function findStatusesByIds(
  db: Queryable,
  ids: string[],
): Promise<StatusRow[]> {
  if (ids.length === 0) return [];
  return await db<
    StatusRow[]
  >`SELECT * FROM statuses WHERE id = ANY(${ids}::bigint[])`;
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

/** An account's pinned public and unlisted statuses, latest pin first (its featured collection). */
export async function pinnedPublicStatuses(
  db: Queryable,
  accountId: string,
): Promise<StatusRow[]> {
  return await db<StatusRow[]>`
    SELECT s.* FROM status_pins p JOIN statuses s ON s.id = p.status_id
    WHERE p.account_id = ${accountId} AND s.visibility IN ('public', 'unlisted')
    ORDER BY p.id DESC`;
}

export async function findReblog(
  db: Queryable,
  accountId: string,
  statusId: string,
): Promise<StatusRow | null> {
  const [row] = await db<StatusRow[]>`
    SELECT * FROM statuses WHERE account_id = ${accountId} AND reblog_of_id = ${statusId}`;
  return row ?? null;
}

export async function updateStatusRow(
  db: Queryable,
  id: string,
  changes: Partial<
    Pick<
      StatusRow,
      | "text"
      | "content"
      | "spoiler_text"
      | "sensitive"
      | "language"
      | "poll_id"
      | "edited_at"
    >
  >,
): Promise<StatusRow> {
  const values: Record<string, unknown> = {
    ...changes,
    updated_at: new Date(),
  };
  for (const key of Object.keys(values)) {
    if (values[key] === undefined) delete values[key];
  }
  const [row] = await db<StatusRow[]>`
    UPDATE statuses SET ${
    db(values as Record<string, string>)
  } WHERE id = ${id} RETURNING *`;
  return row;
}

/** Deletes the status and its reblogs; returns the deleted reblogs (their ids and authors). */
export async function deleteStatusRow(
  db: Queryable,
  id: string,
): Promise<
  { reblogs: Pick<StatusRow, "id" | "uri" | "account_id" | "created_at">[] }
> {
  const reblogs = await db<
    Pick<StatusRow, "id" | "uri" | "account_id" | "created_at">[]
  >`
    DELETE FROM statuses WHERE reblog_of_id = ${id}
    RETURNING id, uri, account_id, created_at`;
  await db`DELETE FROM statuses WHERE id = ${id}`;
  return { reblogs: [...reblogs] };
}

export async function adjustCounter(
  db: Queryable,
  statusId: string,
  column: "replies_count" | "reblogs_count" | "favourites_count",
  delta: number,
): Promise<void> {
  await db`
    UPDATE statuses SET ${db(column)} = greatest(0, ${db(column)} + ${delta})
    WHERE id = ${statusId}`;
}

export async function adjustAccountStatusesCount(
  db: Queryable,
  accountId: string,
  delta: number,
  at: Date | null,
): Promise<void> {
  await db`
    UPDATE accounts SET statuses_count = greatest(0, statuses_count + ${delta}),
      last_status_at = CASE WHEN ${at}::timestamptz IS NULL THEN last_status_at
                            ELSE greatest(coalesce(last_status_at, ${at}), ${at}) END
    WHERE id = ${accountId}`;
}

export async function replaceMentions(
  db: Queryable,
  statusId: string,
  accountIds: string[],
): Promise<string[]> {
  await db`DELETE FROM mentions WHERE status_id = ${statusId}
           AND NOT (account_id = ANY(${accountIds}::bigint[]))`;
  if (accountIds.length === 0) return [];
  const added = await db<{ account_id: string }[]>`
    INSERT INTO mentions (status_id, account_id)
    SELECT ${statusId}, unnest(${accountIds}::bigint[])
    ON CONFLICT DO NOTHING RETURNING account_id`;
  return added.map((r) => r.account_id);
}

export async function mentionedAccountIds(
  db: Queryable,
  statusId: string,
): Promise<string[]> {
  const rows = await db<{ account_id: string }[]>`
    SELECT account_id FROM mentions WHERE status_id = ${statusId}`;
  return rows.map((r) => r.account_id);
}

/**
 * Links the status to the tags named (lowercase names), creating missing tags; tags moderators
 * made unusable are not linked.
 */
export async function replaceTags(
  db: Queryable,
  statusId: string,
  tags: { name: string; display_name: string }[],
): Promise<void> {
  await db`DELETE FROM statuses_tags WHERE status_id = ${statusId}`;
  if (tags.length === 0) return;
  const names = tags.map((t) => t.name);
  const displays = tags.map((t) => t.display_name);
  await db`
    INSERT INTO tags (name, display_name)
    SELECT * FROM unnest(${names}::text[], ${displays}::text[])
    ON CONFLICT (name) DO NOTHING`;
  await db`
    INSERT INTO statuses_tags (status_id, tag_id)
    SELECT ${statusId}, id FROM tags WHERE name = ANY(${names}::text[]) AND usable
    ON CONFLICT DO NOTHING`;
}

/** Attaches the account's unattached uploads, in the given order; returns how many matched. */
export async function attachMedia(
  db: Queryable,
  statusId: string,
  accountId: string,
  mediaIds: string[],
): Promise<number> {
  if (mediaIds.length === 0) return 0;
  const positions = mediaIds.map((_, i) => i);
  const result = await db`
    UPDATE media_attachments m SET status_id = ${statusId}, position = p.position,
      updated_at = now()
    FROM unnest(${mediaIds}::bigint[], ${positions}::int[]) AS p(id, position)
    WHERE m.id = p.id AND m.account_id = ${accountId}
      AND (m.status_id IS NULL OR m.status_id = ${statusId})
      AND m.scheduled_status_id IS NULL`;
  return result.count;
}

export async function detachMediaExcept(
  db: Queryable,
  statusId: string,
  keep: string[],
): Promise<void> {
  await db`UPDATE media_attachments SET status_id = NULL
           WHERE status_id = ${statusId} AND NOT (id = ANY(${keep}::bigint[]))`;
}

export async function mediaIdsOf(
  db: Queryable,
  statusId: string,
): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    SELECT id FROM media_attachments WHERE status_id = ${statusId} ORDER BY position, id`;
  return rows.map((r) => r.id);
}

export interface StatusEditRow {
  id: string;
  status_id: string;
  account_id: string;
  text: string;
  content: string;
  spoiler_text: string;
  sensitive: boolean;
  media_ids: string[];
  poll_options: string[] | null;
  created_at: Date;
}

export async function insertStatusEdit(
  db: Queryable,
  edit: Omit<StatusEditRow, "id" | "created_at"> & { created_at?: Date },
): Promise<void> {
  await db`
    INSERT INTO status_edits (status_id, account_id, text, content, spoiler_text, sensitive,
                              media_ids, poll_options, created_at)
    VALUES (${edit.status_id}, ${edit.account_id}, ${edit.text}, ${edit.content},
            ${edit.spoiler_text}, ${edit.sensitive}, ${edit.media_ids}::bigint[],
            ${edit.poll_options}, ${edit.created_at ?? new Date()})`;
}

export async function listStatusEdits(
  db: Queryable,
  statusId: string,
): Promise<StatusEditRow[]> {
  return await db<StatusEditRow[]>`
    SELECT * FROM status_edits WHERE status_id = ${statusId} ORDER BY id`;
}

export async function insertTombstone(
  db: Queryable,
  uri: string,
  accountId: string | null,
): Promise<void> {
  await db`INSERT INTO tombstones (uri, account_id) VALUES (${uri}, ${accountId})
           ON CONFLICT DO NOTHING`;
}

export async function isTombstoned(
  db: Queryable,
  uri: string,
): Promise<boolean> {
  const [row] = await db`SELECT 1 FROM tombstones WHERE uri = ${uri}`;
  return Boolean(row);
}

/** Resolves `@user` (local) and `@user@domain` (known accounts) in one query. */
export async function findAccountsByHandles(
  db: Queryable,
  handles: { username: string; domain: string | null }[],
): Promise<
  { id: string; username: string; domain: string | null; url: string | null }[]
> {
  if (handles.length === 0) return [];
  const usernames = handles.map((h) => h.username.toLowerCase());
  const domains = handles.map((h) => (h.domain ?? "").toLowerCase());
  return await db`
    SELECT a.id, a.username, a.domain, a.url FROM accounts a
    JOIN unnest(${usernames}::text[], ${domains}::text[]) AS h(username, domain)
      ON lower(a.username) = h.username AND coalesce(lower(a.domain), '') = h.domain
    WHERE a.suspended_at IS NULL`;
}
