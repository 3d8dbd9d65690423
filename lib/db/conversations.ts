/**
 * SQL for direct-message conversations as each local participant sees them (Mastodon's
 * `account_conversations`): one row per account, thread and set of other participants.
 */
import type { Queryable } from "./client.ts";
import {
  type Fragment,
  notDomainBlockedSql,
  visibleToSql,
} from "./visibility.ts";

export interface ConversationRow {
  id: string;
  account_id: string;
  conversation_id: string;
  /** The other participants, sorted; empty for a note to oneself. */
  participant_account_ids: string[];
  status_ids: string[];
  last_status_id: string | null;
  unread: boolean;
  updated_at: Date;
}

export interface DirectStatus {
  id: string;
  account_id: string;
  conversation_id: string;
}

/**
 * Adds a direct status to the conversations of its local participants (the author and the
 * mentioned accounts). Mentioned accounts that block or mute the author, or muted the thread,
 * get nothing — as they get no mention notification. Unread for everyone but the author.
 * Idempotent: a status already in a conversation leaves it as it is.
 */
export async function addToConversations(
  db: Queryable,
  status: DirectStatus,
  mentionedIds: string[],
): Promise<ConversationRow[]> {
  const everyone = [...new Set([status.account_id, ...mentionedIds])];
  const rows = await db<ConversationRow[]>`
    WITH everyone AS (SELECT unnest(${everyone}::bigint[]) AS id),
    recipients AS (
      SELECT a.id FROM accounts a
      WHERE a.id = ANY(${everyone}::bigint[]) AND a.domain IS NULL
        AND (a.id = ${status.account_id} OR (
          NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = a.id
                      AND b.target_account_id = ${status.account_id})
          AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = a.id
                      AND m.target_account_id = ${status.account_id}
                      AND (m.expires_at IS NULL OR m.expires_at > now()))
          AND NOT EXISTS (SELECT 1 FROM conversation_mutes cm WHERE cm.account_id = a.id
                      AND cm.conversation_id = ${status.conversation_id})))
    )
    INSERT INTO account_conversations AS ac
      (account_id, conversation_id, participant_account_ids, status_ids, last_status_id, unread)
    SELECT r.id, ${status.conversation_id},
           ARRAY(SELECT e.id FROM everyone e WHERE e.id <> r.id ORDER BY e.id),
           ARRAY[${status.id}::bigint], ${status.id}, r.id <> ${status.account_id}
    FROM recipients r
    ON CONFLICT (account_id, conversation_id, participant_account_ids) DO UPDATE SET
      status_ids = CASE WHEN ${status.id}::bigint = ANY(ac.status_ids) THEN ac.status_ids
                        ELSE ac.status_ids || EXCLUDED.status_ids END,
      last_status_id = greatest(ac.last_status_id, EXCLUDED.last_status_id),
      unread = CASE WHEN ${status.id}::bigint = ANY(ac.status_ids) THEN ac.unread
                    ELSE EXCLUDED.unread END,
      updated_at = now()
    RETURNING ac.*`;
  return [...rows];
}

/**
 * Takes a deleted status out of every conversation holding it: the previous status becomes the
 * last one, and a conversation left with none is removed.
 */
export async function removeFromConversations(
  db: Queryable,
  statusId: string,
): Promise<void> {
  await db`
    UPDATE account_conversations SET
      status_ids = array_remove(status_ids, ${statusId}::bigint),
      last_status_id = (SELECT max(x) FROM unnest(array_remove(status_ids, ${statusId}::bigint)) x),
      updated_at = now()
    WHERE status_ids @> ARRAY[${statusId}::bigint]`;
  await db`DELETE FROM account_conversations WHERE cardinality(status_ids) = 0`;
}

export interface ConversationPage {
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

/**
 * The account's conversations, newest last status first, paged by the last status's id (as
 * Mastodon). A conversation whose last status the account can no longer see is left out.
 */
export async function listConversations(
  db: Queryable,
  accountId: string,
  page: ConversationPage,
): Promise<ConversationRow[]> {
  const visible: Fragment = visibleToSql(db, accountId, "s");
  const rows = await db<ConversationRow[]>`
    SELECT ac.* FROM account_conversations ac
    JOIN statuses s ON s.id = ac.last_status_id
    WHERE ac.account_id = ${accountId} AND ${visible}
      AND ${notDomainBlockedSql(db, accountId, "s")}
      ${page.maxId ? db`AND ac.last_status_id < ${page.maxId}` : db``}
      ${page.sinceId ? db`AND ac.last_status_id > ${page.sinceId}` : db``}
      ${page.minId ? db`AND ac.last_status_id > ${page.minId}` : db``}
    ORDER BY ac.last_status_id ${page.minId ? db`ASC` : db`DESC`}
    LIMIT ${page.limit}`;
  return page.minId ? [...rows].reverse() : [...rows];
}

export async function findConversation(
  db: Queryable,
  accountId: string,
  id: string,
): Promise<ConversationRow | null> {
  const [row] = await db<ConversationRow[]>`
    SELECT * FROM account_conversations WHERE id = ${id} AND account_id = ${accountId}`;
  return row ?? null;
}

export async function markConversationRead(
  db: Queryable,
  accountId: string,
  id: string,
): Promise<ConversationRow | null> {
  const [row] = await db<ConversationRow[]>`
    UPDATE account_conversations SET unread = false, updated_at = now()
    WHERE id = ${id} AND account_id = ${accountId} RETURNING *`;
  return row ?? null;
}

export async function deleteConversation(
  db: Queryable,
  accountId: string,
  id: string,
): Promise<boolean> {
  const rows = await db`
    DELETE FROM account_conversations WHERE id = ${id} AND account_id = ${accountId}
    RETURNING id`;
  return rows.length > 0;
}
