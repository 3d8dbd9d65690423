/** SQL for a local user's profile and posting defaults (update_credentials). */
import type { Queryable } from "./client.ts";
import type { AccountRow, UserRow } from "./accounts.ts";

export type ProfileChanges = Partial<
  Pick<
    AccountRow,
    | "display_name"
    | "note"
    | "note_source"
    | "locked"
    | "bot"
    | "discoverable"
    | "indexable"
    | "fields"
    | "avatar_url"
    | "header_url"
    | "hide_collections"
    | "avatar_description"
    | "header_description"
    | "show_media"
    | "show_media_replies"
    | "show_featured"
    | "attribution_domains"
  >
>;

/** The user's own defaults: for posting, and the web UI's theme. */
export type PostingDefaults = Partial<
  Pick<
    UserRow,
    | "default_privacy"
    | "default_sensitive"
    | "default_language"
    | "theme"
    | "locale"
  >
>;

export async function updateAccountProfile(
  db: Queryable,
  accountId: string,
  changes: ProfileChanges,
): Promise<AccountRow> {
  const values: Record<string, unknown> = { ...changes };
  if (changes.fields) values.fields = db.json(changes.fields as never);
  const keys = Object.keys(values);
  const [row] = keys.length
    ? await db<AccountRow[]>`
      UPDATE accounts SET ${db(values, ...keys)}, updated_at = now()
      WHERE id = ${accountId} RETURNING *`
    : await db<AccountRow[]>`SELECT * FROM accounts WHERE id = ${accountId}`;
  return row;
}

export async function updatePostingDefaults(
  db: Queryable,
  userId: string,
  changes: PostingDefaults,
): Promise<UserRow> {
  const keys = Object.keys(changes) as (keyof PostingDefaults)[];
  const [row] = keys.length
    ? await db<UserRow[]>`
      UPDATE users SET ${db(changes, ...keys)}, updated_at = now()
      WHERE id = ${userId} RETURNING *`
    : await db<UserRow[]>`SELECT * FROM users WHERE id = ${userId}`;
  return row;
}

export interface FollowedTagRow {
  id: string;
  name: string;
  display_name: string;
  page_id: string;
}

export async function listFollowedTags(
  db: Queryable,
  accountId: string,
  page: { maxId?: string; sinceId?: string; minId?: string; limit: number },
): Promise<FollowedTagRow[]> {
  const ascending = page.minId !== undefined && page.maxId === undefined;
  const rows = await db<FollowedTagRow[]>`
    SELECT t.id, t.name, t.display_name, f.id::text AS page_id
    FROM tag_follows f JOIN tags t ON t.id = f.tag_id
    WHERE f.account_id = ${accountId}
      ${page.maxId ? db`AND f.id < ${page.maxId}` : db``}
      ${page.sinceId ? db`AND f.id > ${page.sinceId}` : db``}
      ${page.minId ? db`AND f.id > ${page.minId}` : db``}
    ORDER BY f.id ${ascending ? db`ASC` : db`DESC`}
    LIMIT ${page.limit}`;
  return ascending ? rows.reverse() : rows;
}

/**
 * Accounts whose username, `user@domain` or display name starts with `query` (words of the
 * display name too), exact username matches first, then the most followed.
 */
export async function searchAccounts(
  db: Queryable,
  query: {
    text: string;
    domain?: string | null;
    limit: number;
    offset: number;
    followedBy?: string;
  },
): Promise<AccountRow[]> {
  const pattern = `${query.text.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
  return await db<AccountRow[]>`
    SELECT a.* FROM accounts a
    WHERE a.suspended_at IS NULL
      AND (lower(a.username) LIKE ${pattern}
        OR lower(a.display_name) LIKE ${pattern}
        OR lower(a.display_name) LIKE ${`% ${pattern}`})
      ${
    query.domain !== undefined
      ? (query.domain === null
        ? db`AND a.domain IS NULL`
        : db`AND lower(a.domain) = lower(${query.domain})`)
      : db``
  }
      ${
    query.followedBy
      ? db`AND EXISTS (SELECT 1 FROM follows f
               WHERE f.account_id = ${query.followedBy} AND f.target_account_id = a.id)`
      : db``
  }
    ORDER BY (lower(a.username) = ${query.text.toLowerCase()}) DESC, a.domain IS NULL DESC,
             a.followers_count DESC, a.id
    LIMIT ${query.limit} OFFSET ${query.offset}`;
}
