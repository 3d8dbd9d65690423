/** SQL for what an account does to a status: favourites, bookmarks, pins, conversation mutes. */
import type { Queryable } from "./client.ts";

/** Returns the new favourite's id, or null when it already existed. */
export async function insertFavourite(
  db: Queryable,
  accountId: string,
  statusId: string,
  uri: string | null = null,
): Promise<string | null> {
  const [row] = await db<{ id: string }[]>`
    INSERT INTO favourites (account_id, status_id, uri) VALUES (${accountId}, ${statusId}, ${uri})
    ON CONFLICT DO NOTHING RETURNING id`;
  return row?.id ?? null;
}

/** Returns the deleted favourite (with its uri, for an Undo), or null. */
export async function deleteFavourite(
  db: Queryable,
  accountId: string,
  statusId: string,
): Promise<{ id: string; uri: string | null } | null> {
  const [row] = await db<{ id: string; uri: string | null }[]>`
    DELETE FROM favourites WHERE account_id = ${accountId} AND status_id = ${statusId}
    RETURNING id, uri`;
  return row ?? null;
}

export async function insertBookmark(
  db: Queryable,
  accountId: string,
  statusId: string,
) {
  await db`INSERT INTO bookmarks (account_id, status_id) VALUES (${accountId}, ${statusId})
           ON CONFLICT DO NOTHING`;
}

export async function deleteBookmark(
  db: Queryable,
  accountId: string,
  statusId: string,
) {
  await db`DELETE FROM bookmarks WHERE account_id = ${accountId} AND status_id = ${statusId}`;
}

export async function countPins(
  db: Queryable,
  accountId: string,
): Promise<number> {
  const [row] = await db<{ count: number }[]>`
    SELECT count(*)::int AS count FROM status_pins WHERE account_id = ${accountId}`;
  return row.count;
}

export async function insertPin(
  db: Queryable,
  accountId: string,
  statusId: string,
) {
  await db`INSERT INTO status_pins (account_id, status_id) VALUES (${accountId}, ${statusId})
           ON CONFLICT DO NOTHING`;
}

export async function deletePin(
  db: Queryable,
  accountId: string,
  statusId: string,
) {
  await db`DELETE FROM status_pins WHERE account_id = ${accountId} AND status_id = ${statusId}`;
}

export async function muteConversation(
  db: Queryable,
  accountId: string,
  conversationId: string,
) {
  await db`INSERT INTO conversation_mutes (account_id, conversation_id)
           VALUES (${accountId}, ${conversationId}) ON CONFLICT DO NOTHING`;
}

export async function unmuteConversation(
  db: Queryable,
  accountId: string,
  conversationId: string,
) {
  await db`DELETE FROM conversation_mutes WHERE account_id = ${accountId}
           AND conversation_id = ${conversationId}`;
}

/** The viewer's flags on a page of statuses (loaded with it, see `status-bundle.ts`). */
export interface ViewerFlags {
  favourited: Set<string>;
  reblogged: Set<string>;
  bookmarked: Set<string>;
  pinned: Set<string>;
  muted: Set<string>;
}
