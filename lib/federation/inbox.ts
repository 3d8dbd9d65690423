/**
 * Inbox listeners (personal inboxes and the shared one). Thin: check who may do what, then call
 * the same domain functions the API calls. Fedify has already verified the HTTP signature (or
 * proof) and that the signing key belongs to the activity's actor; what is checked here is that
 * objects belong to that actor (same origin, `attributedTo`), and that Update/Delete come from
 * the owner. Anything else is ignored and nothing is stored. The listeners live by subject:
 * `inbox-statuses.ts`, `inbox-relationships.ts`, `inbox-featured.ts` and `inbox-moves.ts`.
 */
import type { FederationBuilder } from "@fedify/fedify";
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
  Like,
  Move,
  Reject,
  Remove,
  Undo,
  Update,
} from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import { DomainError } from "../domain/errors.ts";
import { signedLoader } from "./remote-accounts.ts";
import { actorAccount, type InboxCtx, sameOrigin } from "./inbox-lookup.ts";
import {
  onAnnounce,
  onCreate,
  onDelete,
  onLike,
  onUpdate,
  undoInteraction,
} from "./inbox-statuses.ts";
import {
  onAccept,
  onBlock,
  onFlag,
  onFollow,
  onReject,
  undoRelationship,
} from "./inbox-relationships.ts";
import { onFeaturedChange } from "./inbox-featured.ts";
import { onMove } from "./inbox-moves.ts";
import { INSTANCE_ACTOR } from "./names.ts";
import { federationPolicy, refusesActor } from "../moderation/mod.ts";

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
    .on(Move, guarded(onMove))
    .on(Flag, guarded(onFlagUnlessRejected))
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
 * errors propagate so Fedify retries. First the federation policy again, as the activity is
 * processed (it may have been queued before a block was added): an actor on a suspended domain,
 * or a suspended account, gets nothing stored.
 */
function guarded<A extends Activity>(
  listener: (ctx: InboxCtx, activity: A) => Promise<void>,
) {
  return async (ctx: InboxCtx, activity: A) => {
    if (await refusesActor(ctx.data, activity.actorId?.href ?? null)) return;
    try {
      await listener(ctx, activity);
    } catch (error) {
      if (error instanceof DomainError) return;
      throw error;
    }
  };
}

/** A Flag from a domain whose reports are rejected (`reject_reports`) is ignored. */
async function onFlagUnlessRejected(ctx: InboxCtx, flag: Flag) {
  const policy = await federationPolicy(ctx.data);
  if (!flag.actorId || policy.rejectsReports(flag.actorId.host)) return;
  await onFlag(ctx, flag);
}

async function onUndo(ctx: InboxCtx, undo: Undo) {
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
  if (object instanceof Follow || object instanceof Block) {
    await undoRelationship(ctx, actor, object);
  } else {
    await undoInteraction(ctx, actor, undo.objectId, object);
  }
}
