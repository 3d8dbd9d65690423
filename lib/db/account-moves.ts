/** SQL for moving accounts (migration 0029): aliases, the move itself, followers to carry over. */
import type { Queryable } from "./client.ts";

export async function setAliases(
  db: Queryable,
  accountId: string,
  aliases: string[],
): Promise<void> {
  await db`UPDATE accounts SET also_known_as = ${aliases}::text[], updated_at = now()
    WHERE id = ${accountId}`;
}

/** Marks `accountId` as moved to `targetId` (null: no longer); `moved_at` only with a Move. */
export async function setMovedTo(
  db: Queryable,
  accountId: string,
  targetId: string | null,
  options: { stampMove?: boolean } = {},
): Promise<void> {
  await db`UPDATE accounts SET moved_to_account_id = ${targetId},
    moved_at = CASE WHEN ${
    options.stampMove ?? false
  } THEN now() ELSE moved_at END,
    updated_at = now()
    WHERE id = ${accountId}`;
}

/** A page of the local followers of `accountId`, by follower id. */
export async function localFollowerIds(
  db: Queryable,
  accountId: string,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db<{ account_id: string }[]>`
    SELECT f.account_id FROM follows f JOIN accounts a ON a.id = f.account_id
    WHERE f.target_account_id = ${accountId} AND a.domain IS NULL
      AND (${afterId}::bigint IS NULL OR f.account_id > ${afterId}::bigint)
    ORDER BY f.account_id LIMIT ${limit}`;
  return rows.map((r) => r.account_id);
}

/** Records that `originId` moved to `targetId`; false when it already was (a redelivery). */
export async function recordMove(
  db: Queryable,
  originId: string,
  targetId: string,
): Promise<boolean> {
  const rows = await db`
    INSERT INTO account_moves (origin_account_id, target_account_id)
    VALUES (${originId}, ${targetId})
    ON CONFLICT DO NOTHING RETURNING 1`;
  return rows.length > 0;
}
