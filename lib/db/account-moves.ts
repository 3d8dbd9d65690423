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

/** The local accounts that block `accountId`. */
export async function localBlockerIds(
  db: Queryable,
  accountId: string,
): Promise<string[]> {
  const rows = await db<{ account_id: string }[]>`
    SELECT b.account_id FROM blocks b JOIN accounts a ON a.id = b.account_id
    WHERE b.target_account_id = ${accountId} AND a.domain IS NULL`;
  return rows.map((r) => r.account_id);
}

export interface LocalMuteRow {
  account_id: string;
  hide_notifications: boolean;
  expires_at: Date | null;
}

/** The local accounts that mute `accountId` (mutes still running). */
export async function localMutes(
  db: Queryable,
  accountId: string,
): Promise<LocalMuteRow[]> {
  return [
    ...await db<LocalMuteRow[]>`
      SELECT m.account_id, m.hide_notifications, m.expires_at
      FROM mutes m JOIN accounts a ON a.id = m.account_id
      WHERE m.target_account_id = ${accountId} AND a.domain IS NULL
        AND (m.expires_at IS NULL OR m.expires_at > now())`,
  ];
}

/**
 * The follower's lists that hold `originId` also hold `targetId`, when the follower now
 * follows it (a list holds only accounts its owner follows).
 */
export async function copyListMemberships(
  db: Queryable,
  followerId: string,
  originId: string,
  targetId: string,
): Promise<void> {
  await db`
    INSERT INTO list_accounts (list_id, account_id)
    SELECT la.list_id, ${targetId} FROM list_accounts la
    JOIN lists l ON l.id = la.list_id
    WHERE l.account_id = ${followerId} AND la.account_id = ${originId}
      AND EXISTS (SELECT 1 FROM follows
                  WHERE account_id = ${followerId} AND target_account_id = ${targetId})
    ON CONFLICT DO NOTHING`;
}
