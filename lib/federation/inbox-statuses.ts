/**
 * Inbox listeners about statuses: Create (a post, or a vote in one of our polls), Update and
 * Delete (of a post, or of the actor itself), Announce and Like, and the undoing of a Like or an
 * Announce. Objects must belong to the activity's actor (same origin, `attributedTo`).
 */
import {
  type Announce,
  type Create,
  type Delete,
  isActor,
  Like,
  Note,
  type Update,
} from "@fedify/vocab";
import type { AccountRow } from "../db/accounts.ts";
import {
  findAccountByUri,
  findFavouritedStatusByUri,
} from "../db/federation.ts";
import { findStatusByUri } from "../db/statuses.ts";
import {
  addRemoteVoteChoice,
  favouriteStatus,
  reblogStatus,
  unfavouriteStatus,
} from "../domain/interactions.ts";
import { findPoll } from "../db/polls.ts";
import { deleteRemoteStatus, removeStatus } from "../domain/status-changes.ts";
import { deleteRemoteAccount } from "../domain/remote-accounts.ts";
import {
  isPostObject,
  type PostObject,
  rememberEmbeddedJson,
  visibilityOf,
} from "./from-ap.ts";
import { persistActor, signedLoader } from "./remote-accounts.ts";
import {
  isAuthoredBy,
  localStatusFromUri,
  resolveStatusUri,
  storeRemotePost,
  updateRemotePost,
} from "./remote-statuses.ts";
import { actorAccount, type InboxCtx, sameOrigin } from "./inbox-lookup.ts";

/** A status we know (ours or stored), without fetching. */
async function statusFor(ctx: InboxCtx, uri: string) {
  return await localStatusFromUri(ctx, uri) ??
    await findStatusByUri(ctx.data.sql, uri);
}

export async function onCreate(ctx: InboxCtx, create: Create) {
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
  ctx: InboxCtx,
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

export async function onUpdate(ctx: InboxCtx, update: Update) {
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

export async function onDelete(ctx: InboxCtx, del: Delete) {
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

export async function onAnnounce(ctx: InboxCtx, announce: Announce) {
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

export async function onLike(ctx: InboxCtx, like: Like) {
  const actor = await actorAccount(ctx, like);
  if (!actor || !like.objectId) return;
  const status = await statusFor(ctx, like.objectId.href);
  if (!status) return;
  await favouriteStatus(ctx.data, actor.id, status.id, { uri: like.id?.href });
}

/**
 * Undo of a Like (embedded) or of an Announce (embedded or by id, `objectId`): the favourite or
 * the reblog goes.
 */
export async function undoInteraction(
  ctx: InboxCtx,
  actor: AccountRow,
  objectId: URL,
  object: unknown,
) {
  if (object instanceof Like) {
    const status = object.objectId
      ? await statusFor(ctx, object.objectId.href)
      : null;
    if (status) await unfavouriteStatus(ctx.data, actor.id, status.id);
    return;
  }
  // An Announce (embedded or by id) is the booster's reblog row with that URI.
  const reblog = await findStatusByUri(ctx.data.sql, objectId.href);
  if (reblog && reblog.account_id === actor.id && reblog.reblog_of_id) {
    await removeStatus(ctx.data, reblog);
    return;
  }
  const statusId = await findFavouritedStatusByUri(
    ctx.data.sql,
    actor.id,
    objectId.href,
  );
  if (statusId) await unfavouriteStatus(ctx.data, actor.id, statusId);
}
