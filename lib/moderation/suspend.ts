/**
 * What suspending a domain does beyond the rule (Mastodon's BlockDomainService, 4.3's severed
 * relationships): the block's transaction records the severance event and writes the
 * `moderation.sever_domain` job; the job cuts every follow between our accounts and the
 * domain's in batches of `SEVER_BATCH`, each its own transaction that also keeps who was on
 * the other side (`severed_relationships`, offered as CSV) and the counts, so a job stopped
 * midway resumes where it was. Then pending requests go, and each local account that lost
 * some gets a `severed_relationships` notification carrying a RelationshipSeveranceEvent. Until
 * then nothing crosses anyway: the federation policy refuses the domain from the block's
 * commit. The domain's content leaves every view through the visibility rule
 * (`domain_block_severity`, migration 0013), not by deleting it, so lifting the block brings
 * nothing back that was cut but hides nothing more.
 */
import type { Queryable, Tx } from "../db/client.ts";
import type { Deps } from "../deps.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import type { RelationshipSeveranceEvent } from "../mastodon/entities/types.ts";
import { notFound } from "../domain/errors.ts";
import type { DomainBlockRow } from "./federation-policy-db.ts";
import * as db from "./suspend-db.ts";
import { csvField } from "./csv.ts";

export const SEVER_DOMAIN_JOB = "moderation.sever_domain";
/** Follows cut per transaction: small enough not to hold locks for long. */
export const SEVER_BATCH = 500;

/** The job queue a block change writes its severance job to. */
export type SeveranceJobs = Deps["jobs"];

/**
 * `OnBlockChange` for blocks: severs when a block becomes a suspension; forgets the domain's
 * custom emoji when its media become rejected (Mastodon's BlockDomainService `clear_emojos`).
 */
export async function onBlockChange(
  tx: Tx,
  jobs: SeveranceJobs,
  block: DomainBlockRow,
  previous: DomainBlockRow | null,
): Promise<void> {
  const rejectsMedia = (b: DomainBlockRow | null) =>
    !!b && (b.reject_media || b.severity === "suspend");
  if (rejectsMedia(block) && !rejectsMedia(previous)) {
    await db.deleteRemoteEmojisOn(tx, block.domain);
  }
  if (block.severity !== "suspend" || previous?.severity === "suspend") return;
  const eventId = await db.insertSeveranceEvent(
    tx,
    "domain_block",
    block.domain,
  );
  await jobs.enqueue(tx, SEVER_DOMAIN_JOB, { eventId, domain: block.domain }, {
    orderingKey: `severance:${eventId}`,
  });
}

/**
 * Cuts every follow with `domain` (and its subdomains) under the event `eventId`, a batch per
 * transaction, then notifies the local accounts that lost some. Safe to run again.
 */
export async function severDomain(
  sql: Deps["sql"],
  eventId: string,
  domain: string,
  batch = SEVER_BATCH,
): Promise<void> {
  for (;;) {
    const touched = await sql.begin(async (tx) => {
      const accountIds = await db.cutFollowBatch(tx, eventId, domain, batch);
      await db.recountFollows(tx, accountIds);
      return accountIds.length;
    });
    if (touched === 0) break;
  }
  await sql.begin(async (tx) => {
    await db.deleteFollowsWith(tx, domain);
    await db.notifySevered(tx, eventId);
  });
}

export const severDomainJob = defineJob<
  { eventId: string; domain: string },
  Deps
>({
  kind: SEVER_DOMAIN_JOB,
  parse: schema.object({ eventId: schema.string, domain: schema.string }),
  retry: { backoff: exponentialBackoff(1_000, 60_000), maxAttempts: 20 },
  handler: (deps, { eventId, domain }) =>
    severDomain(deps.sql, eventId, domain),
});

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

/** Who `accountId` lost in its severance event `id` (404 when not its own). */
export async function severedAccounts(
  sql: Queryable,
  accountId: string,
  id: string,
  direction: db.SeveredDirection,
): Promise<db.SeveredRelationshipRow[]> {
  const [event] = /^\d{1,19}$/.test(id)
    ? await db.findAccountSeveranceEvents(sql, [id])
    : [];
  if (!event || event.account_id !== accountId) throw notFound();
  return await db.severedRelationships(sql, id, direction);
}

/**
 * Mastodon's CSV of a severance list: `following.csv` as its follows export (address, show
 * boosts, notify, languages), `followers.csv` the addresses only.
 */
export function severedAccountsCsv(
  rows: db.SeveredRelationshipRow[],
  direction: db.SeveredDirection,
): string {
  const lines = direction === "following"
    ? [
      "Account address,Show boosts,Notify on new posts,Languages",
      ...rows.map((r) =>
        [
          r.remote_acct,
          String(r.show_reblogs),
          String(r.notify),
          (r.languages ?? []).join(", "),
        ].map(csvField).join(",")
      ),
    ]
    : ["Account address", ...rows.map((r) => csvField(r.remote_acct))];
  return lines.join("\n") + "\n";
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
