/**
 * Follow suggestions (Mastodon's /api/v2/suggestions): who to follow, with why — friends of
 * friends, staff-featured accounts, popular local accounts that post. A dismissed suggestion
 * never returns for that user.
 */
import type { Queryable } from "../db/client.ts";
import * as db from "../db/suggestions.ts";

export type { SuggestionRow, SuggestionSource } from "../db/suggestions.ts";

/** Mastodon: 40 by default, at most 80. */
export function suggestionLimit(requested: number | undefined): number {
  return requested && requested > 0 ? Math.min(requested, 80) : 40;
}

export function suggestionsFor(
  sql: Queryable,
  viewerId: string,
  limit: number,
) {
  return db.suggestAccounts(sql, viewerId, limit);
}

export async function dismissSuggestion(
  sql: Queryable,
  viewerId: string,
  targetId: string,
): Promise<void> {
  // Not a number names no account: nothing to store, and no error (Mastodon answers 200).
  if (!/^\d{1,19}$/.test(targetId)) return;
  await db.insertSuggestionDismissal(sql, viewerId, targetId);
}
