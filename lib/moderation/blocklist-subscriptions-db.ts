/** SQL for blocklist subscriptions and their drafts (migration 0023). */
import type { Queryable } from "../db/client.ts";
import type { DomainBlockRow } from "./federation-policy-db.ts";
import type { ListedFields } from "./blocklist-formats.ts";

export interface SubscriptionRow {
  id: string;
  url: string;
  auto_apply: boolean;
  created_by_account_id: string | null;
  fetched_at: Date | null;
  fetch_error: string | null;
  created_at: Date;
}

export type DraftAction = "create" | "update" | "delete";

export interface DraftRow extends ListedFields {
  subscription_id: string;
  domain: string;
  action: DraftAction;
  rejected: boolean;
  created_at: Date;
}

export async function allSubscriptions(
  db: Queryable,
): Promise<SubscriptionRow[]> {
  return [
    ...await db<SubscriptionRow[]>`
      SELECT * FROM domain_block_subscriptions ORDER BY created_at, id`,
  ];
}

export async function findSubscription(
  db: Queryable,
  id: string,
): Promise<SubscriptionRow | null> {
  const [row] = await db<SubscriptionRow[]>`
    SELECT * FROM domain_block_subscriptions WHERE id = ${id}`;
  return row ?? null;
}

export async function insertSubscription(
  db: Queryable,
  fields: { url: string; autoApply: boolean; createdBy: string },
): Promise<SubscriptionRow | null> {
  const [row] = await db<SubscriptionRow[]>`
    INSERT INTO domain_block_subscriptions (url, auto_apply, created_by_account_id)
    VALUES (${fields.url}, ${fields.autoApply}, ${fields.createdBy})
    ON CONFLICT (url) DO NOTHING
    RETURNING *`;
  return row ?? null;
}

export async function setAutoApply(
  db: Queryable,
  id: string,
  autoApply: boolean,
): Promise<void> {
  await db`UPDATE domain_block_subscriptions SET auto_apply = ${autoApply}
           WHERE id = ${id}`;
}

export async function deleteSubscriptionRow(
  db: Queryable,
  id: string,
): Promise<void> {
  await db`DELETE FROM domain_block_subscriptions WHERE id = ${id}`;
}

export async function recordFetch(
  db: Queryable,
  id: string,
  error: string | null,
): Promise<void> {
  await db`UPDATE domain_block_subscriptions
           SET fetched_at = now(), fetch_error = ${error} WHERE id = ${id}`;
}

/** Blocks that `subscriptionId`'s list made. */
export async function blocksOfSubscription(
  db: Queryable,
  subscriptionId: string,
): Promise<DomainBlockRow[]> {
  return [
    ...await db<DomainBlockRow[]>`
      SELECT * FROM domain_blocks WHERE subscription_id = ${subscriptionId}`,
  ];
}

export async function blockedDomains(
  db: Queryable,
  domains: string[],
): Promise<DomainBlockRow[]> {
  return [
    ...await db<DomainBlockRow[]>`
      SELECT * FROM domain_blocks WHERE domain = ANY(${domains}::text[])`,
  ];
}

export async function draftsOf(
  db: Queryable,
  subscriptionId: string,
): Promise<DraftRow[]> {
  return [
    ...await db<DraftRow[]>`
      SELECT * FROM domain_block_drafts WHERE subscription_id = ${subscriptionId}
      ORDER BY rejected, domain`,
  ];
}

export async function countPendingDrafts(
  db: Queryable,
): Promise<Map<string, number>> {
  const rows = await db<{ subscription_id: string; n: number }[]>`
    SELECT subscription_id, count(*)::int AS n FROM domain_block_drafts
    WHERE NOT rejected GROUP BY subscription_id`;
  return new Map(rows.map((r) => [r.subscription_id, r.n]));
}

/** Replaces a subscription's drafts with `drafts` (those already rejected come in rejected). */
export async function replaceDrafts(
  db: Queryable,
  subscriptionId: string,
  drafts: Omit<DraftRow, "subscription_id" | "created_at">[],
): Promise<void> {
  await db`DELETE FROM domain_block_drafts WHERE subscription_id = ${subscriptionId}`;
  if (drafts.length === 0) return;
  await db`INSERT INTO domain_block_drafts ${
    db(drafts.map((d) => ({ subscription_id: subscriptionId, ...d })))
  }`;
}

export async function deleteDrafts(
  db: Queryable,
  subscriptionId: string,
  domains: string[],
): Promise<void> {
  await db`DELETE FROM domain_block_drafts
           WHERE subscription_id = ${subscriptionId} AND domain = ANY(${domains}::text[])`;
}

export async function rejectDrafts(
  db: Queryable,
  subscriptionId: string,
  domains: string[],
): Promise<void> {
  await db`UPDATE domain_block_drafts SET rejected = true
           WHERE subscription_id = ${subscriptionId} AND domain = ANY(${domains}::text[])`;
}

export async function setBlockSubscription(
  db: Queryable,
  blockId: string,
  subscriptionId: string,
): Promise<void> {
  await db`UPDATE domain_blocks SET subscription_id = ${subscriptionId}
           WHERE id = ${blockId}`;
}
