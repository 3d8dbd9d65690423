/**
 * `Move` from a remote actor (Mastodon's account migration): the actor moves itself
 * (object = actor) to `target`. The target is fetched fresh, never taken from the activity, and
 * the move is taken only when it lists the actor among its aliases (`alsoKnownAs`);
 * `acceptRemoteMove` refuses it otherwise and takes it once per origin.
 */
import type { Move } from "@fedify/vocab";
import { acceptRemoteMove } from "../domain/account-moves.ts";
import { actorAccount, type InboxCtx } from "./inbox-lookup.ts";
import { resolveActorUri } from "./remote-accounts.ts";

export async function onMove(ctx: InboxCtx, move: Move) {
  const origin = await actorAccount(ctx, move);
  if (!origin || move.objectId?.href !== origin.uri || !move.targetId) return;
  const target = await resolveActorUri(ctx, move.targetId, { refresh: true });
  if (!target) return;
  await acceptRemoteMove(ctx.data, origin, target);
}
