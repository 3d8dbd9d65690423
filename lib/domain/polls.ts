/**
 * Polls. Reading and voting go through the poll's status (`getVisiblePoll` and `voteInPoll` in
 * `interactions.ts`), so a poll is exactly as visible as its status.
 */
import type { Queryable } from "../db/client.ts";
import { loadOwnVotes } from "../db/polls.ts";

export { getVisiblePoll, voteInPoll } from "./interactions.ts";

export async function ownVotes(
  sql: Queryable,
  accountId: string,
  pollId: string,
) {
  return (await loadOwnVotes(sql, accountId, [pollId])).get(pollId) ?? [];
}

/** A poll by id, whatever its status (callers have already checked the status). */
export { findPoll } from "../db/polls.ts";
