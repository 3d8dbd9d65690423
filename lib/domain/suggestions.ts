/**
 * Follow suggestions (Mastodon's /api/v2/suggestions): who to follow, with why — friends of
 * friends, staff-featured accounts, popular local accounts that post. A dismissed suggestion
 * never returns for that user.
 */
import type { Queryable, Sql } from "../db/client.ts";
import * as db from "../db/suggestions.ts";
import {
  type Actor,
  recordAction,
  requirePermission,
} from "../moderation/mod.ts";
import { findAccount } from "./profiles.ts";

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

/** Accounts the staff suggest to everyone (`manage_taxonomies`, as Mastodon's recommendations). */
export function featuredAccounts(sql: Queryable, actor: Actor | null) {
  requirePermission(actor, "manage_taxonomies");
  return db.listFeaturedAccounts(sql);
}

/** Features (or stops featuring) an account as a suggestion, with its audit-log row. */
export async function setFeatured(
  sql: Sql,
  actor: Actor | null,
  accountId: string,
  featured: boolean,
): Promise<void> {
  const mod = requirePermission(actor, "manage_taxonomies");
  const account = await findAccount(sql, accountId);
  await sql.begin(async (tx) => {
    await db.setFeaturedAccount(tx, account.id, featured);
    await recordAction(tx, {
      accountId: mod.accountId,
      action: featured ? "create" : "destroy",
      targetType: "FeaturedAccount",
      targetId: account.id,
      humanIdentifier: account.domain
        ? `${account.username}@${account.domain}`
        : account.username,
    });
  });
}
