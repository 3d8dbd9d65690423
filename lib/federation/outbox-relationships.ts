/**
 * Outgoing activities between our account and one remote account: Follow and its Undo, our
 * Accept/Reject of a remote follower, Block and its Undo.
 */
import { Accept, Block, Follow, Reject, Undo } from "@fedify/vocab";
import type { AccountRow } from "../db/accounts.ts";
import { setFollowRequestUri } from "../db/relationships.ts";
import {
  localAndRemote,
  type OutboxContext as Ctx,
  recipientOf,
} from "./outbox-audience.ts";

interface Pair {
  accountId: string;
  targetAccountId: string;
}

/** The id of a Follow we send: deterministic, so its Undo can name it. */
function followId(ctx: Ctx, follower: AccountRow, requestId: string): URL {
  return new URL(
    `${ctx.getActorUri(follower.username).href}#follows/${requestId}`,
  );
}

/** Our account asked to follow a remote one. */
export async function sendFollow(
  ctx: Ctx,
  event: Pair & { followRequestId: string },
): Promise<void> {
  const pair = await localAndRemote(
    ctx,
    event.accountId,
    event.targetAccountId,
  );
  if (!pair) return;
  const id = followId(ctx, pair.local, event.followRequestId);
  await setFollowRequestUri(ctx.data.sql, event.followRequestId, id.href);
  await ctx.sendActivity(
    { identifier: pair.local.username },
    pair.recipient,
    new Follow({
      id,
      actor: ctx.getActorUri(pair.local.username),
      object: new URL(pair.remote.uri!),
    }),
  );
}

/** Our account withdrew a follow (or a pending request) of a remote one. */
export async function sendUnfollow(
  ctx: Ctx,
  event: Pair & { uri: string | null },
): Promise<void> {
  const pair = await localAndRemote(
    ctx,
    event.accountId,
    event.targetAccountId,
  );
  if (!pair || !event.uri) return;
  const actor = ctx.getActorUri(pair.local.username);
  await ctx.sendActivity(
    { identifier: pair.local.username },
    pair.recipient,
    new Undo({
      id: new URL(`${event.uri}/undo`),
      actor,
      object: new Follow({
        id: new URL(event.uri),
        actor,
        object: new URL(pair.remote.uri!),
      }),
    }),
  );
}

/** Our account (the target) answered a remote follower's request. */
export async function sendFollowDecision(
  ctx: Ctx,
  event: Pair & { uri: string | null },
  accepted: boolean,
): Promise<void> {
  const pair = await localAndRemote(
    ctx,
    event.targetAccountId,
    event.accountId,
  );
  if (!pair || !event.uri) return;
  const send = accepted ? sendAccept : sendReject;
  await send(ctx, pair.local, pair.remote, event.uri);
}

/** Our account blocked (or unblocked) a remote one. */
export async function sendBlock(
  ctx: Ctx,
  event: Pair & { uri: string | null },
  undone: boolean,
): Promise<void> {
  const pair = await localAndRemote(
    ctx,
    event.accountId,
    event.targetAccountId,
  );
  if (!pair) return;
  const actor = ctx.getActorUri(pair.local.username);
  const block = new Block({
    id: new URL(event.uri ?? `${actor.href}#blocks/${pair.remote.id}`),
    actor,
    object: new URL(pair.remote.uri!),
  });
  const activity = undone
    ? new Undo({ id: new URL(`${block.id!.href}/undo`), actor, object: block })
    : block;
  await ctx.sendActivity(
    { identifier: pair.local.username },
    pair.recipient,
    activity,
  );
}

/** Accepts a remote follower's Follow (by its id) on behalf of our account. */
export async function sendAccept(
  ctx: Ctx,
  local: AccountRow,
  follower: AccountRow,
  followUri: string,
): Promise<void> {
  await sendFollowAnswer(ctx, local, follower, followUri, Accept);
}

export async function sendReject(
  ctx: Ctx,
  local: AccountRow,
  follower: AccountRow,
  followUri: string,
): Promise<void> {
  await sendFollowAnswer(ctx, local, follower, followUri, Reject);
}

async function sendFollowAnswer(
  ctx: Ctx,
  local: AccountRow,
  follower: AccountRow,
  followUri: string,
  Kind: typeof Accept | typeof Reject,
): Promise<void> {
  const recipient = recipientOf(follower);
  if (!recipient) return;
  const actor = ctx.getActorUri(local.username);
  const kind = Kind === Accept ? "accepts" : "rejects";
  await ctx.sendActivity(
    { identifier: local.username },
    recipient,
    new Kind({
      id: new URL(`${actor.href}#${kind}/${crypto.randomUUID()}`),
      actor,
      object: new Follow({
        id: new URL(followUri),
        actor: recipient.id,
        object: actor,
      }),
    }),
  );
}
