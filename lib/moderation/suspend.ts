/**
 * What suspending a domain does beyond the rule (Mastodon's BlockDomainService, 4.3's severed
 * relationships): in the block's own transaction, every follow between our accounts and the
 * domain's (both ways, and pending requests) is cut, the counters are recounted, and each
 * local account that lost some gets a `severed_relationships` notification carrying a
 * RelationshipSeveranceEvent (how many followers and follows it lost). The domain's content
 * leaves every view through the visibility rule (`domain_block_severity`, migration 0013), not
 * by deleting it, so lifting the block brings nothing back that was cut but hides nothing more.
 */
import type { Queryable, Tx } from "../db/client.ts";
import type { RelationshipSeveranceEvent } from "../mastodon/entities/types.ts";
import type { DomainBlockRow } from "./federation-policy-db.ts";
import * as db from "./suspend-db.ts";

/**
 * `OnBlockChange` for blocks: severs when a block becomes a suspension; forgets the domain's
 * custom emoji when its media become rejected (Mastodon's BlockDomainService `clear_emojos`).
 */
export async function onBlockChange(
  tx: Tx,
  block: DomainBlockRow,
  previous: DomainBlockRow | null,
): Promise<void> {
  const rejectsMedia = (b: DomainBlockRow | null) =>
    !!b && (b.reject_media || b.severity === "suspend");
  if (rejectsMedia(block) && !rejectsMedia(previous)) {
    await db.deleteRemoteEmojisOn(tx, block.domain);
  }
  if (block.severity !== "suspend" || previous?.severity === "suspend") return;
  await severDomain(tx, block.domain);
}

/** Cuts every follow with `domain` (and its subdomains); returns the event's id. */
export async function severDomain(tx: Tx, domain: string): Promise<string> {
  const eventId = await db.insertSeveranceEvent(tx, "domain_block", domain);
  const losses = await db.followLossesWith(tx, domain);
  await db.deleteFollowsWith(tx, domain);
  for (const loss of losses) {
    const accountEventId = await db.insertAccountSeveranceEvent(
      tx,
      eventId,
      loss,
    );
    await db.notifySevered(tx, loss.account_id, accountEventId);
  }
  await db.recountFollows(tx, losses.map((loss) => loss.account_id));
  return eventId;
}

/** RelationshipSeveranceEvent entities by their (per-account) ids. */
export async function severanceEvents(
  sql: Queryable,
  ids: string[],
): Promise<Map<string, RelationshipSeveranceEvent>> {
  const rows = await db.findAccountSeveranceEvents(sql, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, {
    id: row.id,
    type: row.type as RelationshipSeveranceEvent["type"],
    purged: row.purged,
    target_name: row.target_name,
    followers_count: row.followers_count,
    following_count: row.following_count,
    created_at: row.created_at.toISOString(),
  }]));
}

/** `GET /api/v1/severed_relationships`: the caller's RelationshipSeveranceEvents, newest first. */
export async function severedRelationshipsOf(
  sql: Queryable,
  accountId: string,
): Promise<RelationshipSeveranceEvent[]> {
  const ids = await db.accountSeveranceEventIds(sql, accountId);
  const events = await severanceEvents(sql, ids);
  return ids.flatMap((id) => events.get(id) ?? []);
}
