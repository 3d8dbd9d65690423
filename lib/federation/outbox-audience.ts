/**
 * Who an outgoing activity goes to, shared by the outbox modules: a remote account as a Fedify
 * recipient, the local/remote pair of a one-to-one activity, and a status's audience (followers
 * and the mentioned, one delivery per inbox, shared inboxes first).
 */
import type { Context } from "@fedify/fedify";
import type { Activity, Recipient } from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById } from "../db/accounts.ts";
import {
  type InboxRow,
  knownPeerInboxes,
  remoteFollowerInboxes,
} from "../db/federation.ts";
import { federationPolicy } from "../moderation/mod.ts";

export type OutboxContext = Context<Deps>;

export const PUBLIC_COLLECTION = new URL(
  "https://www.w3.org/ns/activitystreams#Public",
);

/** A remote account as a delivery target; null for local accounts and incomplete rows. */
export function recipientOf(account: AccountRow): Recipient | null {
  if (!account.domain || !account.uri || !account.inbox_url) return null;
  return {
    id: new URL(account.uri),
    inboxId: new URL(account.inbox_url),
    endpoints: account.shared_inbox_url
      ? { sharedInbox: new URL(account.shared_inbox_url) }
      : null,
  };
}

export function isRecipient(r: Recipient | null): r is Recipient {
  return r !== null;
}

/** Our account and the remote one a one-to-one activity (Follow, Like, Block…) is between. */
export async function localAndRemote(
  ctx: OutboxContext,
  localId: string,
  remoteId: string,
) {
  const [local, remote] = await Promise.all([
    findAccountById(ctx.data.sql, localId),
    findAccountById(ctx.data.sql, remoteId),
  ]);
  if (!local || local.domain !== null || !remote) return null;
  const recipient = recipientOf(remote);
  if (!recipient || await refusedRecipient(ctx.data, recipient)) return null;
  return { local, remote, recipient };
}

/**
 * Every remote follower of `accountId` as a delivery target, read in pages of 1,000: the
 * audience of a status (`toAudience`) and the followers collection Fedify delivers to.
 */
export async function remoteFollowerRecipients(
  deps: Pick<Deps, "sql" | "config">,
  accountId: string,
): Promise<Recipient[]> {
  const policy = await federationPolicy(deps);
  const recipients: Recipient[] = [];
  let afterId: string | undefined;
  while (true) {
    const rows = await remoteFollowerInboxes(deps.sql, accountId, {
      afterId,
      limit: 1000,
    });
    for (const row of rows) {
      if (!policy.refusesUrl(row.inbox_url)) {
        recipients.push(inboxRecipient(row));
      }
    }
    if (rows.length < 1000) return recipients;
    afterId = rows[rows.length - 1].follow_id;
  }
}

function inboxRecipient(row: InboxRow): Recipient {
  return {
    id: new URL(row.uri),
    inboxId: new URL(row.inbox_url),
    endpoints: row.shared_inbox_url
      ? { sharedInbox: new URL(row.shared_inbox_url) }
      : null,
  };
}

/**
 * One recipient per inbox of every server we know (Mastodon sends an account's Delete to all
 * of them, not only to its followers' servers), read in pages of 1,000.
 */
export async function knownPeerRecipients(
  deps: Pick<Deps, "sql" | "config">,
): Promise<Recipient[]> {
  const policy = await federationPolicy(deps);
  const recipients: Recipient[] = [];
  let afterInbox: string | undefined;
  while (true) {
    const rows = await knownPeerInboxes(deps.sql, { afterInbox, limit: 1000 });
    for (const row of rows) {
      if (!policy.refusesUrl(row.inbox_url)) {
        recipients.push(inboxRecipient(row));
      }
    }
    if (rows.length < 1000) return recipients;
    afterInbox = rows[rows.length - 1].delivery_inbox;
  }
}

type Policy = Awaited<ReturnType<typeof federationPolicy>>;

/** Whether the federation policy refuses deliveries to `recipient` (its id's or inbox's host). */
function refusedBy(policy: Policy, recipient: Recipient): boolean {
  return (recipient.id !== null && policy.refusesUrl(recipient.id)) ||
    (recipient.inboxId !== null && policy.refusesUrl(recipient.inboxId));
}

async function refusedRecipient(
  deps: Pick<Deps, "sql" | "config">,
  recipient: Recipient,
): Promise<boolean> {
  return refusedBy(await federationPolicy(deps), recipient);
}

/**
 * Sends `activity` once to its whole audience — followers (unless direct) and the mentioned —
 * as one recipient list, so that Fedify delivers it once per inbox (the shared inbox where the
 * recipient has one): a follower who is also mentioned or boosted is not sent it twice, once per
 * group, as Mastodon's single recipient set per activity avoids.
 */
export async function toAudience(
  ctx: OutboxContext,
  author: AccountRow,
  visibility: string,
  mentioned: Recipient[],
  activity: Activity,
  orderingKey: string,
): Promise<void> {
  const policy = await federationPolicy(ctx.data);
  const recipients =
    (visibility === "direct"
      ? mentioned
      : [...await remoteFollowerRecipients(ctx.data, author.id), ...mentioned])
      .filter((r) => !refusedBy(policy, r));
  // Most posts of a small server have no remote reader: skip Fedify's fan-out (it compacts the
  // activity's JSON-LD before it knows there is nobody to send it to).
  if (recipients.length === 0) return;
  await ctx.sendActivity(
    { identifier: author.username },
    recipients,
    activity,
    {
      preferSharedInbox: true,
      excludeBaseUris: [new URL(ctx.data.config.origin)],
      orderingKey,
    },
  );
}
