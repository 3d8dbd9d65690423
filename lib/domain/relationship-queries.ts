/**
 * Reading relationships: the Relationship entity's facts, the account lists behind them
 * (followers, following, requests, blocks, mutes) and familiar followers.
 */
import type { AccountRow } from "../db/accounts.ts";
import * as db from "../db/relationships.ts";
import * as lists from "../db/relationship-lists.ts";
import type { RelationshipDeps } from "./relationships.ts";

export function relationships(
  deps: RelationshipDeps,
  viewer: AccountRow,
  targetIds: string[],
) {
  return db.findRelationships(
    deps.sql,
    viewer.id,
    targetIds.filter((id) => /^\d{1,19}$/.test(id)),
  );
}

export async function relationship(
  deps: RelationshipDeps,
  viewer: AccountRow,
  targetId: string,
) {
  const [row] = await relationships(deps, viewer, [targetId]);
  return row;
}

export function listRelated(
  deps: RelationshipDeps,
  kind: Parameters<typeof lists.listAccountsByRelationship>[1],
  accountId: string,
  page: lists.Page,
) {
  return lists.listAccountsByRelationship(deps.sql, kind, accountId, page);
}

export function pendingFollowRequestCount(
  deps: RelationshipDeps,
  accountId: string,
) {
  return db.countFollowRequests(deps.sql, accountId);
}

export function mutesOf(
  deps: RelationshipDeps,
  accountId: string,
  targetIds: string[],
) {
  return lists.findMutesOf(deps.sql, accountId, targetIds);
}

/** `GET /api/v1/accounts/familiar_followers`: whom of yours follows each of them. */
export async function familiarFollowers(
  deps: RelationshipDeps,
  viewer: AccountRow,
  targetIds: string[],
): Promise<{ id: string; accounts: AccountRow[] }[]> {
  const ids = targetIds.filter((id) => /^\d{1,19}$/.test(id)).slice(0, 40);
  const rows = await lists.findFamiliarFollowers(deps.sql, viewer.id, ids);
  return ids.map((id) => ({
    id,
    accounts: rows.filter((row) => row.target_id === id).map((row) =>
      row.account
    ),
  }));
}

/**
 * An account's followers or follows as someone sees them: nothing for a suspended account, for
 * a viewer the account blocks, or for anyone but the account when it hides them, as Mastodon.
 */
export async function listNetwork(
  deps: RelationshipDeps,
  kind: "followers" | "following",
  account: AccountRow,
  viewer: AccountRow | null,
  page: lists.Page,
): Promise<lists.PagedAccount[]> {
  if (account.suspended_at) return [];
  // Hidden lists (Mastodon's hide_collections) are for their owner alone.
  if (account.hide_collections && viewer?.id !== account.id) return [];
  if (viewer && viewer.id !== account.id) {
    const [row] = await db.findRelationships(deps.sql, viewer.id, [account.id]);
    if (row?.blocked_by) return [];
  }
  return await lists.listAccountsByRelationship(
    deps.sql,
    kind,
    account.id,
    page,
  );
}
