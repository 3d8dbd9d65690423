/**
 * Inbox listeners between accounts: Follow and its Accept/Reject, Block, the undoing of a Follow
 * or Block, and Flag (a report about our accounts and their statuses).
 */
import {
  type Accept,
  Block,
  type Flag,
  Follow,
  type Reject,
} from "@fedify/vocab";
import type { AccountRow } from "../db/accounts.ts";
import { findFollowerByFollowUri } from "../db/federation.ts";
import { findFollow, findFollowRequest } from "../db/relationships.ts";
import * as relationships from "../domain/relationships.ts";
import { receiveRemoteReport } from "../domain/reports.ts";
import { DomainError } from "../domain/errors.ts";
import { signedLoader } from "./remote-accounts.ts";
import { localStatusFromUri } from "./remote-statuses.ts";
import { sendAccept, sendReject } from "./outbox-relationships.ts";
import {
  actorAccount,
  type InboxCtx,
  localAccountFromUri,
} from "./inbox-lookup.ts";

export async function onFollow(ctx: InboxCtx, follow: Follow) {
  if (!follow.id) return;
  const target = await localAccountFromUri(ctx, follow.objectId);
  const follower = await actorAccount(ctx, follow);
  if (!target || !follower) return;
  // A follow we already have: their side may have lost it, so confirm again (as Mastodon).
  if (await findFollow(ctx.data.sql, follower.id, target.id)) {
    await sendAccept(ctx, target, follower, follow.id.href);
    return;
  }
  try {
    await relationships.follow(ctx.data, follower, target, {
      uri: follow.id.href,
    });
  } catch (error) {
    if (error instanceof DomainError) {
      await sendReject(ctx, target, follower, follow.id.href);
      return;
    }
    throw error;
  }
}

/** The local follower and remote target an Accept/Reject of a Follow is about. */
async function followOf(ctx: InboxCtx, response: Accept | Reject) {
  const target = await actorAccount(ctx, response);
  if (!target) return null;
  let follower: AccountRow | null = null;
  const objectId = response.objectId;
  if (objectId) {
    follower = await findFollowerByFollowUri(
      ctx.data.sql,
      target.id,
      objectId.href,
    );
  }
  if (!follower) {
    const object = await response.getObject({
      documentLoader: await signedLoader(ctx),
    })
      .catch(() => null);
    if (!(object instanceof Follow) || object.objectId?.href !== target.uri) {
      return null;
    }
    follower = await localAccountFromUri(ctx, object.actorId);
  }
  return follower ? { follower, target } : null;
}

export async function onAccept(ctx: InboxCtx, accept: Accept) {
  const pair = await followOf(ctx, accept);
  if (!pair) return;
  if (
    !await findFollowRequest(ctx.data.sql, pair.follower.id, pair.target.id)
  ) return;
  await relationships.authorizeFollowRequest(
    ctx.data,
    pair.target,
    pair.follower,
  );
}

export async function onReject(ctx: InboxCtx, reject: Reject) {
  const pair = await followOf(ctx, reject);
  if (!pair) return;
  if (await findFollowRequest(ctx.data.sql, pair.follower.id, pair.target.id)) {
    await relationships.rejectFollowRequest(
      ctx.data,
      pair.target,
      pair.follower,
    );
  } else {
    await relationships.removeFollower(ctx.data, pair.target, pair.follower);
  }
}

export async function onBlock(ctx: InboxCtx, block: Block) {
  const actor = await actorAccount(ctx, block);
  const target = await localAccountFromUri(ctx, block.objectId);
  if (!actor || !target) return;
  await relationships.block(ctx.data, actor, target, block.id?.href ?? null);
}

/** Undo of a Follow or a Block the actor sent: the follow (or request) or the block goes. */
export async function undoRelationship(
  ctx: InboxCtx,
  actor: AccountRow,
  object: Follow | Block,
) {
  const target = await localAccountFromUri(ctx, object.objectId);
  if (!target) return;
  if (object instanceof Follow) {
    await relationships.unfollow(ctx.data, actor, target);
  } else {
    await relationships.unblock(ctx.data, actor, target);
  }
}

export async function onFlag(ctx: InboxCtx, flag: Flag) {
  const reporter = await actorAccount(ctx, flag);
  if (!reporter) return;
  let target: AccountRow | null = null;
  const statusIds: string[] = [];
  for (const uri of flag.objectIds) {
    const account = await localAccountFromUri(ctx, uri);
    if (account) {
      target ??= account;
      continue;
    }
    const status = await localStatusFromUri(ctx, uri);
    if (status) statusIds.push(status.id);
  }
  if (!target) return;
  await receiveRemoteReport(ctx.data, {
    reporter,
    target,
    statusIds,
    comment: flag.content?.toString() ?? "",
    uri: flag.id?.href ?? null,
  });
}
