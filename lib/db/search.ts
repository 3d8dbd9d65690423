/**
 * SQL for search: hashtags by prefix, statuses by text (accounts: `searchAccounts` in
 * profiles.ts, shared with /api/v1/accounts/search).
 */
import type { Queryable } from "./client.ts";
import type { StatusRow } from "./statuses.ts";
import { visibleToSql } from "./visibility.ts";

const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, "\\$&")}%`;
const likeAnywhere = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

export interface TagRow {
  id: string;
  name: string;
  display_name: string;
}

export async function searchTags(
  db: Queryable,
  q: string,
  options: { limit: number; offset: number },
): Promise<TagRow[]> {
  return [
    ...await db<TagRow[]>`
    SELECT id, name, display_name FROM tags WHERE name LIKE ${
      likePrefix(q.toLowerCase())
    } AND usable AND listable
    ORDER BY length(name), name LIMIT ${options.limit} OFFSET ${options.offset}`,
  ];
}

export async function searchStatuses(
  db: Queryable,
  viewerId: string,
  q: string,
  options: {
    limit: number;
    offset: number;
    accountId?: string;
    maxId?: string;
    minId?: string;
  },
): Promise<StatusRow[]> {
  return [
    ...await db<StatusRow[]>`
    SELECT s.* FROM statuses s
    WHERE s.reblog_of_id IS NULL
      AND (s.content ILIKE ${likeAnywhere(q)} OR s.spoiler_text ILIKE ${
      likeAnywhere(q)
    })
      ${options.accountId ? db`AND s.account_id = ${options.accountId}` : db``}
      ${options.maxId ? db`AND s.id < ${options.maxId}` : db``}
      ${options.minId ? db`AND s.id > ${options.minId}` : db``}
      AND ${visibleToSql(db, viewerId)}
    ORDER BY s.id DESC LIMIT ${options.limit} OFFSET ${options.offset}`,
  ];
}

export async function findTagByName(
  db: Queryable,
  name: string,
): Promise<TagRow | null> {
  const [row] = await db<TagRow[]>`
    SELECT id, name, display_name FROM tags WHERE name = ${name.toLowerCase()}`;
  return row ?? null;
}

export async function ensureTag(db: Queryable, name: string): Promise<TagRow> {
  const [row] = await db<TagRow[]>`
    INSERT INTO tags (name, display_name) VALUES (${name.toLowerCase()}, ${name})
    ON CONFLICT (name) DO UPDATE SET name = excluded.name
    RETURNING id, name, display_name`;
  return row;
}

export async function isFollowingTag(
  db: Queryable,
  accountId: string,
  tagId: string,
) {
  const [row] =
    await db`SELECT 1 FROM tag_follows WHERE account_id = ${accountId}
                         AND tag_id = ${tagId}`;
  return Boolean(row);
}

export async function followTag(
  db: Queryable,
  accountId: string,
  tagId: string,
) {
  await db`INSERT INTO tag_follows (account_id, tag_id) VALUES (${accountId}, ${tagId})
           ON CONFLICT DO NOTHING`;
}

export async function unfollowTag(
  db: Queryable,
  accountId: string,
  tagId: string,
) {
  await db`DELETE FROM tag_follows WHERE account_id = ${accountId} AND tag_id = ${tagId}`;
}
