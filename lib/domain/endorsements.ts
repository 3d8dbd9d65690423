/**
 * Endorsements (Mastodon's featured accounts, `endorse`/`unendorse`, formerly `pin`/`unpin`): a
 * user features accounts they follow on their profile. An endorsement counts only while the
 * follow lasts (unfollowing or blocking ends it, as Mastodon's unfollow removes the pin).
 */
import type { AccountRow } from "../db/accounts.ts";
import * as db from "../db/endorsements.ts";
import { findRelationships } from "../db/relationships.ts";
import {
  listAccountsByRelationship,
  type Page,
} from "../db/relationship-lists.ts";
import type { RelationshipDeps } from "./relationships.ts";
import { findAccount } from "./profiles.ts";
import { invalid } from "./errors.ts";

export async function endorse(
  deps: RelationshipDeps,
  viewer: AccountRow,
  targetId: string,
): Promise<void> {
  const target = await findAccount(deps.sql, targetId);
  const [relation] = await findRelationships(deps.sql, viewer.id, [target.id]);
  if (!relation?.following) {
    throw invalid(
      "You must be already following the person you want to endorse",
    );
  }
  await db.insertEndorsement(deps.sql, viewer.id, target.id);
}

export async function unendorse(
  deps: RelationshipDeps,
  viewer: AccountRow,
  targetId: string,
): Promise<void> {
  const target = await findAccount(deps.sql, targetId);
  await db.deleteEndorsement(deps.sql, viewer.id, target.id);
}

/**
 * The accounts `account` endorses, as `viewer` sees them: nothing for a suspended account or
 * for a viewer the account blocks.
 */
export async function endorsementsOf(
  deps: RelationshipDeps,
  account: AccountRow,
  viewer: AccountRow | null,
  page: Page,
) {
  if (account.suspended_at) return [];
  if (viewer && viewer.id !== account.id) {
    const [row] = await findRelationships(deps.sql, viewer.id, [account.id]);
    if (row?.blocked_by) return [];
  }
  return await listAccountsByRelationship(
    deps.sql,
    "endorsements",
    account.id,
    page,
  );
}
