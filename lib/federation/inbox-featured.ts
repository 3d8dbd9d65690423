/**
 * `Add`/`Remove` on a remote actor's featured collection: Mastodon's pins. Only the actor's own
 * collection counts (its `featured` URL as we stored it) and only the actor's own statuses; a
 * pinned status we don't know yet is fetched from its id.
 */
import type { InboxContext } from "@fedify/fedify";
import type { Add, Remove } from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import { findStatusByUri } from "../db/statuses.ts";
import { setRemotePin } from "../domain/remote-accounts.ts";
import { resolveActorUri } from "./remote-accounts.ts";
import { resolveStatusUri } from "./remote-statuses.ts";

export async function onFeaturedChange(
  ctx: InboxContext<Deps>,
  activity: Add | Remove,
  pinned: boolean,
): Promise<void> {
  const { actorId, objectId, targetId } = activity;
  if (!actorId || !objectId || !targetId) return;
  const actor = await resolveActorUri(ctx, actorId);
  if (!actor?.domain || !actor.featured_url) return;
  if (targetId.href !== actor.featured_url) return;
  if (objectId.origin !== new URL(actor.uri!).origin) return;
  const status = pinned
    ? await resolveStatusUri(ctx, objectId.href)
    : await findStatusByUri(ctx.data.sql, objectId.href);
  if (!status) return;
  await setRemotePin(ctx.data, actor, status, pinned);
}
