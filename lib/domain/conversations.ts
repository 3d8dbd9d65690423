/**
 * Direct-message conversations (Mastodon's account_conversations). A direct status joins the
 * conversation of each local participant when it is inserted (`insertStatus`, local and inbox
 * alike) and leaves it when deleted; the API lists, marks read and removes them.
 */
import type { Queryable } from "../db/client.ts";
import * as db from "../db/conversations.ts";
import type { ConversationRow } from "../db/conversations.ts";
import type { StatusRow } from "../db/statuses.ts";
import type { DomainEvent } from "./effects.ts";
import { notFound } from "./errors.ts";

export type { ConversationRow };

/** Call inside `insertStatus`'s transaction; nothing happens for other visibilities. */
export async function addDirectStatus(
  tx: Queryable,
  status: StatusRow,
  mentionedIds: string[],
): Promise<ConversationRow[]> {
  if (status.visibility !== "direct" || status.reblog_of_id) return [];
  if (!status.conversation_id) return [];
  return await db.addToConversations(tx, {
    id: status.id,
    account_id: status.account_id,
    conversation_id: status.conversation_id,
  }, mentionedIds);
}

/** Call inside the deleting transaction. */
export async function removeDirectStatus(
  tx: Queryable,
  status: Pick<StatusRow, "id" | "visibility">,
): Promise<void> {
  if (status.visibility === "direct") {
    await db.removeFromConversations(tx, status.id);
  }
}

/** Events for streaming (the `direct` stream) about conversations a status changed. */
export function conversationEvents(rows: ConversationRow[]): DomainEvent[] {
  return rows.map((row) => ({
    type: "conversation.updated",
    conversationId: row.id,
    accountId: row.account_id,
  }));
}

export const listConversations = (
  sql: Queryable,
  accountId: string,
  page: db.ConversationPage,
) => db.listConversations(sql, accountId, page);

const ID = /^\d{1,19}$/;

export async function markConversationRead(
  sql: Queryable,
  accountId: string,
  id: string,
): Promise<ConversationRow> {
  if (!ID.test(id)) throw notFound();
  const row = await db.markConversationRead(sql, accountId, id);
  if (!row) throw notFound();
  return row;
}

export async function removeConversation(
  sql: Queryable,
  accountId: string,
  id: string,
): Promise<void> {
  if (!ID.test(id)) throw notFound();
  if (!(await db.deleteConversation(sql, accountId, id))) throw notFound();
}

export async function findConversation(
  sql: Queryable,
  accountId: string,
  id: string,
): Promise<ConversationRow | null> {
  if (!ID.test(id)) return null;
  return await db.findConversation(sql, accountId, id);
}
