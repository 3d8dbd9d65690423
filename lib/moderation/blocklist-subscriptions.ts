/**
 * Blocklist subscriptions (`manage_federation`): a fetch compares the published list with the
 * blocks this subscription made, and the differences (new domains, changed severities or flags,
 * domains the list dropped) are applied at once when the subscription auto-applies, or kept as
 * drafts an admin approves or rejects. A domain blocked by hand, or by another subscription, is
 * never touched: the operator's own decision wins. Applying goes through the same writes as a
 * block made by hand (audit log, severing on suspension), in one transaction.
 *
 * Fetches go through `pinnedFetch` (the SSRF guard every outgoing request uses); a list that
 * can't be fetched or read, or comes back empty, changes nothing and says why on the page.
 */
import type { Deps } from "../deps.ts";
import type { Sql, Tx } from "../db/client.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { fetchFollowingRedirects, FetchRefused } from "../net/mod.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import { type Actor, requirePermission } from "./permissions.ts";
import { recordAction } from "./audit-log.ts";
import * as policy from "./federation-policy-db.ts";
import { onBlockChange, type SeveranceJobs } from "./suspend.ts";
import type { BlockDeps } from "./domain-blocks.ts";
import { type ListedFields, parseBlocklist } from "./blocklist-formats.ts";
import * as db from "./blocklist-subscriptions-db.ts";

export type BlocklistDeps = Pick<
  Deps,
  "sql" | "config" | "resolveHost" | "jobs"
>;
export type {
  DraftRow,
  SubscriptionRow,
} from "./blocklist-subscriptions-db.ts";

const MAX_LIST_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const FIELDS = [
  "severity",
  "reject_media",
  "reject_reports",
  "public_comment",
  "obfuscate",
] as const;

type Change = Omit<db.DraftRow, "subscription_id" | "created_at" | "rejected">;

export async function listSubscriptions(
  sql: Sql,
  actor: Actor | null,
): Promise<(db.SubscriptionRow & { pending: number })[]> {
  requirePermission(actor, "manage_federation");
  const [rows, pending] = await Promise.all([
    db.allSubscriptions(sql),
    db.countPendingDrafts(sql),
  ]);
  return rows.map((row) => ({ ...row, pending: pending.get(row.id) ?? 0 }));
}

export async function getSubscription(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<{ subscription: db.SubscriptionRow; drafts: db.DraftRow[] }> {
  requirePermission(actor, "manage_federation");
  const subscription = /^\d{1,19}$/.test(id)
    ? await db.findSubscription(sql, id)
    : null;
  if (!subscription) throw notFound();
  return { subscription, drafts: await db.draftsOf(sql, id) };
}

/** Subscribes to `url` and fetches it once, so the admin sees at once what it would change. */
export async function subscribe(
  deps: BlocklistDeps,
  actor: Actor | null,
  input: { url: string; autoApply: boolean },
): Promise<db.SubscriptionRow> {
  const mod = requirePermission(actor, "manage_federation");
  const url = checkListUrl(input.url);
  const row = await deps.sql.begin(async (tx) => {
    const row = await db.insertSubscription(tx, {
      url,
      autoApply: input.autoApply,
      createdBy: mod.accountId,
    });
    if (!row) throw invalid("This list is already subscribed to", "url");
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "create",
      targetType: "DomainBlockSubscription",
      targetId: row.id,
      humanIdentifier: url,
    });
    return row;
  });
  await refreshSubscription(deps, row.id);
  return (await db.findSubscription(deps.sql, row.id))!;
}

function checkListUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalid("URL is not a valid URL", "url");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid("URL must be http or https", "url");
  }
  return url.href;
}

export async function setSubscriptionAutoApply(
  deps: BlocklistDeps,
  actor: Actor | null,
  id: string,
  autoApply: boolean,
): Promise<void> {
  const mod = requirePermission(actor, "manage_federation");
  const { subscription } = await getSubscription(deps.sql, actor, id);
  await deps.sql.begin(async (tx) => {
    await db.setAutoApply(tx, id, autoApply);
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "update",
      targetType: "DomainBlockSubscription",
      targetId: id,
      humanIdentifier: subscription.url,
    });
  });
  if (autoApply) await refreshSubscription(deps, id);
}

/**
 * Ends a subscription. Its blocks stay, now as if made by hand (Mastodon's rule for imported
 * blocks: an operator removes them deliberately, not as a side effect).
 */
export async function unsubscribe(
  sql: Sql,
  actor: Actor | null,
  id: string,
): Promise<void> {
  const mod = requirePermission(actor, "manage_federation");
  const { subscription } = await getSubscription(sql, actor, id);
  await sql.begin(async (tx) => {
    await db.deleteSubscriptionRow(tx, id);
    await recordAction(tx, {
      accountId: mod.accountId,
      action: "destroy",
      targetType: "DomainBlockSubscription",
      targetId: id,
      humanIdentifier: subscription.url,
    });
  });
}

/** Every subscription, refreshed (the scheduled job). */
export async function refreshAllSubscriptions(
  deps: BlocklistDeps,
): Promise<void> {
  for (const row of await db.allSubscriptions(deps.sql)) {
    await refreshSubscription(deps, row.id);
  }
}

/**
 * Fetches one list and applies or drafts what changed. Returns the problem, if any (also
 * stored on the subscription): a list that failed changes nothing.
 */
export async function refreshSubscription(
  deps: BlocklistDeps,
  id: string,
): Promise<string | null> {
  const subscription = await db.findSubscription(deps.sql, id);
  if (!subscription) return null;
  let text: string;
  try {
    text = await fetchList(deps, subscription.url);
  } catch (error) {
    const problem = error instanceof FetchRefused || error instanceof ListError
      ? error.message
      : `fetch failed: ${(error as Error).message}`;
    await db.recordFetch(deps.sql, id, problem);
    return problem;
  }
  const list = parseBlocklist(text);
  if (list.blocks.size === 0) {
    const problem = "the list has no domain in it; nothing was changed" +
      (list.skipped[0] ? ` (${list.skipped[0].message})` : "");
    await db.recordFetch(deps.sql, id, problem);
    return problem;
  }
  const note = list.skipped.length
    ? `${list.skipped.length} line(s) skipped: ` +
      list.skipped.slice(0, 5).map((s) => `line ${s.line}: ${s.message}`)
        .join("; ")
    : null;
  await deps.sql.begin(async (tx) => {
    const changes = await changesFor(tx, id, list.blocks);
    if (subscription.auto_apply) {
      await applyChanges(
        tx,
        deps.jobs,
        subscription,
        changes,
        subscription.created_by_account_id,
      );
      await db.replaceDrafts(tx, id, []);
    } else {
      const rejected = new Set(
        (await db.draftsOf(tx, id)).filter((d) => d.rejected).map(draftKey),
      );
      await db.replaceDrafts(
        tx,
        id,
        changes.map((c) => ({ ...c, rejected: rejected.has(draftKey(c)) })),
      );
    }
    await db.recordFetch(tx, id, note);
  });
  return note;
}

/** Same domain, same change: a rejected draft stays rejected only while the list says the same. */
function draftKey(change: Change): string {
  return JSON.stringify([
    change.domain,
    change.action,
    ...FIELDS.map((f) => change[f]),
  ]);
}

class ListError extends Error {}

async function fetchList(deps: BlocklistDeps, url: string): Promise<string> {
  const { response } = await fetchFollowingRedirects(
    new URL(url),
    (current) =>
      new Request(current, {
        headers: {
          accept: "text/csv, application/json, text/plain;q=0.9, */*;q=0.5",
        },
      }),
    {
      allowPrivateAddress: deps.config.allowPrivateAddress,
      resolve: deps.resolveHost,
      maxBytes: MAX_LIST_BYTES,
      maxRedirects: MAX_REDIRECTS,
    },
  );
  if (!response.ok) {
    await response.body?.cancel();
    throw new ListError(`the list answered HTTP ${response.status}`);
  }
  return await response.text();
}

/** What the list asks of the blocks this subscription may change. */
async function changesFor(
  tx: Tx,
  subscriptionId: string,
  listed: Map<string, ListedFields>,
): Promise<Change[]> {
  const own = new Map(
    (await db.blocksOfSubscription(tx, subscriptionId)).map((
      b,
    ) => [b.domain, b]),
  );
  const others = new Set(
    (await db.blockedDomains(tx, [...listed.keys()]))
      .filter((b) => b.subscription_id !== subscriptionId)
      .map((b) => b.domain),
  );
  const changes: Change[] = [];
  for (const [domain, fields] of listed) {
    if (others.has(domain)) continue;
    const block = own.get(domain);
    if (!block) changes.push({ domain, action: "create", ...fields });
    else if (FIELDS.some((f) => block[f] !== fields[f])) {
      changes.push({ domain, action: "update", ...fields });
    }
  }
  for (const [domain, block] of own) {
    if (!listed.has(domain)) {
      changes.push({ domain, action: "delete", ...pick(block) });
    }
  }
  return changes;
}

function pick(fields: ListedFields): ListedFields {
  return Object.fromEntries(FIELDS.map((f) => [f, fields[f]])) as ListedFields;
}

/**
 * Approves drafts (`domains`, or every pending one): each applied as it reads now, in one
 * transaction with its audit entries.
 */
export async function approveDrafts(
  deps: BlockDeps,
  actor: Actor | null,
  id: string,
  domains?: string[],
): Promise<number> {
  const mod = requirePermission(actor, "manage_federation");
  const { subscription } = await getSubscription(deps.sql, actor, id);
  return await deps.sql.begin(async (tx) => {
    const drafts = (await db.draftsOf(tx, id)).filter((d) =>
      !d.rejected && (!domains || domains.includes(d.domain))
    );
    await applyChanges(tx, deps.jobs, subscription, drafts, mod.accountId);
    await db.deleteDrafts(tx, id, drafts.map((d) => d.domain));
    return drafts.length;
  });
}

export async function rejectDrafts(
  sql: Sql,
  actor: Actor | null,
  id: string,
  domains?: string[],
): Promise<void> {
  requirePermission(actor, "manage_federation");
  await getSubscription(sql, actor, id);
  const pending = (await db.draftsOf(sql, id)).filter((d) => !d.rejected);
  await db.rejectDrafts(
    sql,
    id,
    pending.map((d) => d.domain).filter((d) => !domains || domains.includes(d)),
  );
}

async function applyChanges(
  tx: Tx,
  jobs: SeveranceJobs,
  subscription: db.SubscriptionRow,
  changes: Change[],
  accountId: string | null,
): Promise<void> {
  for (const change of changes) {
    const [previous] = await db.blockedDomains(tx, [change.domain]);
    // Blocked by hand (or by another list) since the draft was made: the hand wins.
    if (previous && previous.subscription_id !== subscription.id) continue;
    const fields: policy.DomainBlockFields = {
      ...pick(change),
      private_comment: previous?.private_comment ?? null,
    };
    let block: policy.DomainBlockRow | null = null;
    if (change.action === "delete") {
      if (!previous) continue;
      await policy.deleteDomainBlockRow(tx, previous.id);
    } else if (previous) {
      block = await policy.updateDomainBlockRow(tx, previous.id, fields);
    } else {
      block = await policy.insertDomainBlock(tx, change.domain, fields);
      await db.setBlockSubscription(tx, block.id, subscription.id);
    }
    await recordAction(tx, {
      accountId,
      action: change.action === "delete"
        ? "destroy"
        : previous
        ? "update"
        : "create",
      targetType: "DomainBlock",
      targetId: block?.id ?? previous!.id,
      humanIdentifier: `${change.domain} (${subscription.url})`,
    });
    if (block) await onBlockChange(tx, jobs, block, previous ?? null);
  }
}

/** Every list, refetched once a day across all processes (a scheduled job). */
export const blocklistRefreshJob = defineJob<Record<string, unknown>, Deps>({
  kind: "moderation.blocklists_refresh",
  parse: schema.object({}),
  everyMs: 24 * 3600 * 1000,
  // A list that can't be fetched records why and changes nothing: only the database failing
  // fails the job.
  retry: { backoff: exponentialBackoff(60_000, 30 * 60_000), maxAttempts: 3 },
  handler: (deps) => refreshAllSubscriptions(deps),
});
