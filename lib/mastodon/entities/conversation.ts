/**
 * The Conversation entity (docs.joinmastodon.org/entities/Conversation): the other participants
 * and the last status. A page renders in a constant number of queries: one for the accounts,
 * one for the last statuses, one status bundle.
 */
import type { Queryable } from "../../db/client.ts";
import type { ConversationRow } from "../../db/conversations.ts";
import { findAccountsByIds } from "../../db/accounts.ts";
import { findStatusesByIds } from "../../db/statuses.ts";
import { accountJson } from "./account.ts";
import { renderStatuses } from "./status.ts";

export interface ConversationRenderOptions {
  sql: Queryable;
  origin: string;
  viewerId: string;
  /** Where media files are served from (the web pages pass the media store's). */
  mediaUrl?: (key: string) => string;
}

export async function renderConversations(
  options: ConversationRenderOptions,
  rows: ConversationRow[],
) {
  if (rows.length === 0) return [];
  const accountIds = new Set([options.viewerId]);
  for (const row of rows) {
    for (const id of row.participant_account_ids) accountIds.add(String(id));
  }
  const statusIds = [
    ...new Set(rows.flatMap((r) => r.last_status_id ? [r.last_status_id] : [])),
  ];
  const [accounts, statusRows] = await Promise.all([
    findAccountsByIds(options.sql, [...accountIds]),
    findStatusesByIds(options.sql, statusIds),
  ]);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const statuses = new Map(
    (await renderStatuses(options, statusRows)).map((s) => [s.id, s]),
  );
  return rows.map((row) => {
    // A note to oneself, or one whose participants are all gone, lists the viewer (as Mastodon).
    let participants = row.participant_account_ids
      .map((id) => byId.get(String(id)))
      .filter((a) => a !== undefined && !a.suspended_at);
    if (participants.length === 0) {
      const self = byId.get(options.viewerId);
      participants = self ? [self] : [];
    }
    return {
      id: row.id,
      unread: row.unread,
      accounts: participants.map((a) => accountJson(a!, options.origin)),
      last_status: row.last_status_id
        ? statuses.get(row.last_status_id) ?? null
        : null,
    };
  });
}

export async function renderConversation(
  options: ConversationRenderOptions,
  row: ConversationRow,
) {
  const [json] = await renderConversations(options, [row]);
  return json;
}
