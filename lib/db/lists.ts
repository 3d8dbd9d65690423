/** SQL for lists and their members. */
import type { Queryable } from "./client.ts";
import type { AccountRow } from "./accounts.ts";

export interface ListRow {
  id: string;
  account_id: string;
  title: string;
  replies_policy: string;
  exclusive: boolean;
  created_at: Date;
}

export async function listLists(
  db: Queryable,
  accountId: string,
): Promise<ListRow[]> {
  return [
    ...await db<
      ListRow[]
    >`SELECT * FROM lists WHERE account_id = ${accountId} ORDER BY id`,
  ];
}

export async function findList(
  db: Queryable,
  accountId: string,
  id: string,
): Promise<ListRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<ListRow[]>`
    SELECT * FROM lists WHERE id = ${id} AND account_id = ${accountId}`;
  return row ?? null;
}

export async function insertList(
  db: Queryable,
  row: Pick<ListRow, "account_id" | "title" | "replies_policy" | "exclusive">,
): Promise<ListRow> {
  const [inserted] = await db<ListRow[]>`
    INSERT INTO lists (account_id, title, replies_policy, exclusive)
    VALUES (${row.account_id}, ${row.title}, ${row.replies_policy}, ${row.exclusive})
    RETURNING *`;
  return inserted;
}

export async function updateList(
  db: Queryable,
  id: string,
  changes: Partial<Pick<ListRow, "title" | "replies_policy" | "exclusive">>,
): Promise<ListRow> {
  const keys = Object.keys(changes) as (keyof typeof changes)[];
  if (keys.length) {
    await db`UPDATE lists SET ${
      db(changes as Record<string, string>, ...keys)
    } WHERE id = ${id}`;
  }
  const [row] = await db<ListRow[]>`SELECT * FROM lists WHERE id = ${id}`;
  return row;
}

export async function deleteList(db: Queryable, id: string) {
  await db`DELETE FROM lists WHERE id = ${id}`;
}

export async function listMembers(
  db: Queryable,
  listId: string,
  limit: number,
  maxId?: string,
): Promise<AccountRow[]> {
  return [
    ...await db<AccountRow[]>`
    SELECT a.* FROM list_accounts la JOIN accounts a ON a.id = la.account_id
    WHERE la.list_id = ${listId} ${maxId ? db`AND a.id < ${maxId}` : db``}
    ORDER BY a.id DESC LIMIT ${limit}`,
  ];
}

/** Adds members the owner follows; returns how many of `accountIds` are followed. */
export async function addMembers(
  db: Queryable,
  list: ListRow,
  accountIds: string[],
): Promise<number> {
  const rows = await db`
    INSERT INTO list_accounts (list_id, account_id)
    SELECT ${list.id}, f.target_account_id FROM follows f
    WHERE f.account_id = ${list.account_id} AND f.target_account_id = ANY(${accountIds}::bigint[])
    ON CONFLICT DO NOTHING RETURNING account_id`;
  const [followed] = await db<{ count: number }[]>`
    SELECT count(*)::int AS count FROM follows
    WHERE account_id = ${list.account_id} AND target_account_id = ANY(${accountIds}::bigint[])`;
  void rows;
  return followed.count;
}

export async function removeMembers(
  db: Queryable,
  listId: string,
  accountIds: string[],
) {
  await db`DELETE FROM list_accounts WHERE list_id = ${listId}
           AND account_id = ANY(${accountIds}::bigint[])`;
}

/** Lists of `ownerId` that contain `accountId`. */
export async function listsContaining(
  db: Queryable,
  ownerId: string,
  accountId: string,
) {
  return [
    ...await db<ListRow[]>`
    SELECT l.* FROM lists l JOIN list_accounts la ON la.list_id = l.id
    WHERE l.account_id = ${ownerId} AND la.account_id = ${accountId} ORDER BY l.id`,
  ];
}

/** Which of the given lists include the author (the streaming hub asks). */
export async function listsIncluding(
  db: Queryable,
  listIds: string[],
  accountId: string,
): Promise<string[]> {
  if (listIds.length === 0) return [];
  const rows = await db<{ list_id: string }[]>`
    SELECT list_id FROM list_accounts
    WHERE list_id = ANY(${listIds}::bigint[]) AND account_id = ${accountId}`;
  return rows.map((r) => r.list_id);
}
