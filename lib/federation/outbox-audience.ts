/**
 * Who an outgoing activity goes to, shared by the outbox modules: a remote account as a Fedify
 * recipient, the local/remote pair of a one-to-one activity, and a status's audience (followers'
 * shared inboxes, deduplicated, plus the mentioned).
 */
import type { Context } from "@fedify/fedify";
import type { Activity, Recipient } from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById } from "../db/accounts.ts";
import { remoteFollowerInboxes } from "../db/federation.ts";

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
  return recipient ? { local, remote, recipient } : null;
}

/** Sends to followers (unless direct) and to the mentioned, shared inboxes first. */
export async function toAudience(
  ctx: OutboxContext,
  author: AccountRow,
  visibility: string,
  mentioned: Recipient[],
  activity: Activity,
  orderingKey: string,
): Promise<void> {
  const options = {
    preferSharedInbox: true,
    excludeBaseUris: [new URL(ctx.origin)],
    orderingKey,
  };
  const sender = { identifier: author.username };
  // Most posts of a small server have no remote follower: skip Fedify's fan-out (it compacts
  // the activity's JSON-LD before it knows there is nobody to send it to).
  if (
    visibility !== "direct" &&
    (await remoteFollowerInboxes(ctx.data.sql, author.id, { limit: 1 }))
        .length > 0
  ) {
    await ctx.sendActivity(sender, "followers", activity, options);
  }
  if (mentioned.length > 0) {
    await ctx.sendActivity(sender, mentioned, activity, options);
  }
}
