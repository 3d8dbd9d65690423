/**
 * Inbox listeners (personal inboxes and the shared one). Thin: check who may do what, then call
 * the same domain functions the API calls. Fedify has already verified the HTTP signature (or
 * proof) and that the signing key belongs to the activity's actor; what is checked here is that
 * objects belong to that actor (same origin, `attributedTo`), and that Update/Delete come from
 * the owner. Anything else is ignored and nothing is stored.
 */
import type { FederationBuilder, InboxContext } from "@fedify/fedify";
import {
  Accept,
  type Activity,
  Add,
  Announce,
  Block,
  Create,
  Delete,
  Flag,
  Follow,
  isActor,
  Like,
  Note,
  Reject,
  Remove,
  Undo,
  Update,
} from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountByUsername } from "../db/accounts.ts";
import {
  findAccountByUri,
  findFavouritedStatusByUri,
  findFollowerByFollowUri,
} from "../db/federation.ts";
import { findStatusByUri } from "../db/statuses.ts";
import { findFollow, findFollowRequest } from "../db/relationships.ts";
import * as relationships from "../domain/relationships.ts";
import {
  addRemoteVoteChoice,
  favouriteStatus,
  reblogStatus,
  unfavouriteStatus,
} from "../domain/interactions.ts";
import { findPoll } from "../db/polls.ts";
import { deleteRemoteStatus, removeStatus } from "../domain/status-changes.ts";
import { deleteRemoteAccount } from "../domain/remote-accounts.ts";
import { receiveRemoteReport } from "../domain/reports.ts";
import { DomainError } from "../domain/errors.ts";
import {
  isPostObject,
  type PostObject,
  rememberEmbeddedJson,
  visibilityOf,
} from "./from-ap.ts";
import {
  persistActor,
  resolveActorUri,
  signedLoader,
} from "./remote-accounts.ts";
import {
  isAuthoredBy,
  localStatusFromUri,
  resolveStatusUri,
  storeRemotePost,
  updateRemotePost,
} from "./remote-statuses.ts";
import { sendAccept, sendReject } from "./outbox-relationships.ts";
import { onFeaturedChange } from "./inbox-featured.ts";

type Ctx = InboxContext<Deps>;

const INSTANCE_ACTOR = "__instance__";

export function registerInboxListeners(builder: FederationBuilder<Deps>): void {
  builder
    .setInboxListeners("/users/{identifier}/inbox", "/inbox")
    .setSharedKeyDispatcher(() => ({ identifier: INSTANCE_ACTOR }))
    .on(Follow, guarded(onFollow))
    .on(Accept, guarded(onAccept))
    .on(Reject, guarded(onReject))
    .on(Undo, guarded(onUndo))
    .on(Create, guarded(onCreate))
    .on(Update, guarded(onUpdate))
    .on(Delete, guarded(onDelete))
    .on(Announce, guarded(onAnnounce))
    .on(Like, guarded(onLike))
    .on(Block, guarded(onBlock))
    .on(Flag, guarded(onFlag))
    .on(Add, guarded((ctx, add: Add) => onFeaturedChange(ctx, add, true)))
    .on(
      Remove,
      guarded((ctx, remove: Remove) => onFeaturedChange(ctx, remove, false)),
    )
    .onError((_ctx, error) => {
      console.error("inbox listener failed:", error);
    });
}

/**
 * Domain refusals (a blocked follower, an invisible status) end the activity quietly; other
 * errors propagate so Fedify retries.
 */
function guarded<A extends Activity>(
  listener: (ctx: Ctx, activity: A) => Promise<void>,
) {
  return async (ctx: Ctx, activity: A) => {
    try {
      await listener(ctx, activity);
    } catch (error) {
      if (error instanceof DomainError) return;
      throw error;
    }
  };
}

/** The remote account of the activity's actor (fetched when unknown or stale). */
async function actorAccount(
  ctx: Ctx,
  activity: Activity,
): Promise<AccountRow | null> {
  if (!activity.actorId) return null;
  const account = await resolveActorUri(ctx, activity.actorId);
  return account?.domain ? account : null;
}

/** A local account from one of our actor URIs. */
async function localAccountFromUri(
  ctx: Ctx,
  uri: URL | null,
): Promise<AccountRow | null> {
  if (!uri) return null;
  const parsed = ctx.parseUri(uri);
  if (parsed?.type !== "actor") return null;
  return await findAccountByUsername(ctx.data.sql, parsed.identifier, null);
}

function sameOrigin(
  a: URL | null | undefined,
  b: URL | string | null | undefined,
): boolean {
  return Boolean(a && b && a.origin === new URL(b).origin);
}

async function onFollow(ctx: Ctx, follow: Follow) {
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
async function followOf(ctx: Ctx, response: Accept | Reject) {
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

async function onAccept(ctx: Ctx, accept: Accept) {
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

async function onReject(ctx: Ctx, reject: Reject) {
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

async function onUndo(ctx: Ctx, undo: Undo) {
  const actor = await actorAccount(ctx, undo);
  if (!actor || !undo.objectId) return;
  // Never fetch what is being undone: the embedded object, or our own records by its id.
  const object = await undo.getObject({
    documentLoader: await signedLoader(ctx),
  })
    .catch(() => null);
  if (object && object.id && !sameOrigin(object.id, actor.uri)) return;
  const actorOf = object && "actorId" in object
    ? (object as Activity).actorId
    : null;
  if (actorOf && actorOf.href !== actor.uri) return;
  if (object instanceof Follow) {
    const target = await localAccountFromUri(ctx, object.objectId);
    if (target) await relationships.unfollow(ctx.data, actor, target);
  } else if (object instanceof Block) {
    const target = await localAccountFromUri(ctx, object.objectId);
    if (target) await relationships.unblock(ctx.data, actor, target);
  } else if (object instanceof Like) {
    const status = object.objectId
      ? await statusFor(ctx, object.objectId.href)
      : null;
    if (status) await unfavouriteStatus(ctx.data, actor.id, status.id);
  } else {
    // An Announce (embedded or by id) is the booster's reblog row with that URI.
    const reblog = await findStatusByUri(ctx.data.sql, undo.objectId.href);
    if (reblog && reblog.account_id === actor.id && reblog.reblog_of_id) {
      await removeStatus(ctx.data, reblog);
      return;
    }
    const statusId = await findFavouritedStatusByUri(
      ctx.data.sql,
      actor.id,
      undo.objectId.href,
    );
    if (statusId) await unfavouriteStatus(ctx.data, actor.id, statusId);
  }
}

/** A status we know (ours or stored), without fetching. */
async function statusFor(ctx: Ctx, uri: string) {
  return await localStatusFromUri(ctx, uri) ??
    await findStatusByUri(ctx.data.sql, uri);
}

async function onCreate(ctx: Ctx, create: Create) {
  const author = await actorAccount(ctx, create);
  if (!author) return;
  const object = await create.getObject({
    documentLoader: await signedLoader(ctx),
  })
    .catch(() => null);
  if (!isPostObject(object) || !isAuthoredBy(object, author)) return;
  await rememberEmbeddedJson(create, object);
  if (await receiveVote(ctx, object, author)) return;
  await storeRemotePost(ctx, object, author);
}

/**
 * A poll vote is a `Note` with a `name` (the option) and no content, replying to our poll
 * (Mastodon's format). Returns whether the object was one.
 */
async function receiveVote(
  ctx: Ctx,
  object: PostObject,
  voter: AccountRow,
): Promise<boolean> {
  if (
    !(object instanceof Note) || !object.name || object.content ||
    !object.replyTargetId
  ) {
    return false;
  }
  const question = await localStatusFromUri(ctx, object.replyTargetId);
  if (!question?.poll_id) return false;
  const poll = await findPoll(ctx.data.sql, question.poll_id);
  const choice = poll?.options.indexOf(object.name.toString()) ?? -1;
  if (choice < 0) return true;
  // One Note per choice: a multiple-choice vote arrives as several.
  await addRemoteVoteChoice(
    ctx.data,
    voter.id,
    question.poll_id,
    choice,
    object.id?.href ?? null,
  );
  return true;
}

async function onUpdate(ctx: Ctx, update: Update) {
  if (!update.actorId || !update.objectId) return;
  const known = await findAccountByUri(ctx.data.sql, update.actorId.href);
  const object = await update.getObject({
    documentLoader: await signedLoader(ctx),
  })
    .catch(() => null);
  if (isActor(object)) {
    // Only an actor updates itself.
    if (object.id?.href === update.actorId.href) {
      await persistActor(ctx, object);
    }
    return;
  }
  if (!known || !isPostObject(object) || !isAuthoredBy(object, known)) return;
  await rememberEmbeddedJson(update, object);
  await updateRemotePost(ctx, object, known);
}

async function onDelete(ctx: Ctx, del: Delete) {
  if (!del.actorId || !del.objectId) return;
  // Delete from an unknown actor: nothing fetched, but a post of theirs gets a tombstone, since
  // a Delete can overtake its Create (the Create is then ignored).
  const actor = await findAccountByUri(ctx.data.sql, del.actorId.href);
  if (!actor) {
    if (
      del.objectId.href !== del.actorId.href &&
      sameOrigin(del.objectId, del.actorId)
    ) {
      await deleteRemoteStatus(ctx.data, del.objectId.href, null);
    }
    return;
  }
  if (!actor.domain) return;
  if (del.objectId.href === actor.uri) {
    await deleteRemoteAccount(ctx.data, actor);
    return;
  }
  if (!sameOrigin(del.objectId, actor.uri)) return;
  await deleteRemoteStatus(ctx.data, del.objectId.href, actor.id);
}

async function onAnnounce(ctx: Ctx, announce: Announce) {
  const booster = await actorAccount(ctx, announce);
  if (!booster || !announce.id || !announce.objectId) return;
  if (!sameOrigin(announce.id, booster.uri)) return;
  // The boosted object is taken from its own id, never from the embedded copy.
  const original = await resolveStatusUri(ctx, announce.objectId.href);
  if (!original) return;
  await reblogStatus(ctx.data, { id: booster.id, local: false }, original.id, {
    uri: announce.id.href,
    published: announce.published
      ? new Date(announce.published.epochMilliseconds)
      : undefined,
    visibility: visibilityOf(
      announce.toIds,
      announce.ccIds,
      booster.followers_url,
    ),
  });
}

async function onLike(ctx: Ctx, like: Like) {
  const actor = await actorAccount(ctx, like);
  if (!actor || !like.objectId) return;
  const status = await statusFor(ctx, like.objectId.href);
  if (!status) return;
  await favouriteStatus(ctx.data, actor.id, status.id, { uri: like.id?.href });
}

async function onBlock(ctx: Ctx, block: Block) {
  const actor = await actorAccount(ctx, block);
  const target = await localAccountFromUri(ctx, block.objectId);
  if (!actor || !target) return;
  await relationships.block(ctx.data, actor, target, block.id?.href ?? null);
}

async function onFlag(ctx: Ctx, flag: Flag) {
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
