/**
 * Fedify and the vocabulary are ~50 MiB resident once imported, and a server needs them only
 * when it federates: an ActivityPub request, a delivery to make, a queued task, a remote lookup.
 * This module (which imports no Fedify code) gives `Deps` a federation that is built on first
 * use, and wires the always-on parts — the queue listener and the outbox subscription — so they
 * load it only when there is work.
 */
import type { Deps } from "../deps.ts";
import type { StarlingFederation } from "./mod.ts";
import { federationQueue } from "./stores.ts";
import {
  type DeliveryPolicy,
  isDeliveryMessage,
  withPinnedDeliveries,
} from "./pinned-delivery.ts";
import { cachedPolicy, federationPolicy } from "../moderation/mod.ts";

/** `deps.federation`: builds the federation once, on the first call. */
export function lazyFederation(
  deps: Deps,
  options: { retryScale?: number },
): () => Promise<StarlingFederation> {
  let building: Promise<StarlingFederation> | null = null;
  return () => {
    building ??= import("./mod.ts").then((m) =>
      m.buildFederation(deps, options)
    );
    return building;
  };
}

/**
 * Listens on the federation queue from the start (deliveries and inbox work left from before a
 * restart must run) and hands each message to Fedify, loading it at the first message. The queue
 * is the one Fedify enqueues into (`stores.ts`): Postgres tables or the Deno KV file. A delivery
 * runs in a pinned-delivery scope, so Fedify's POST connects only to the checked address of the
 * inbox (`pinned-delivery.ts`; `createStarling` installs the wrapper first).
 */
export function listenFederationQueue(
  deps: Deps,
  signal: AbortSignal,
): Promise<void> {
  const policy: DeliveryPolicy = {
    allowPrivateAddress: deps.config.allowPrivateAddress,
    resolve: deps.resolveHost,
    refuses: (url) => cachedPolicy(deps)?.refusesUrl(url) ?? false,
  };
  return federationQueue(deps).listen(
    async (message) => {
      const federation = await deps.federation();
      const process = () => federation.processQueuedTask(deps, message);
      if (isDeliveryMessage(message)) {
        await federationPolicy(deps); // the domain blocks as of now, for `refuses`
        await withPinnedDeliveries(policy, process);
      } else {
        await process();
      }
    },
    { signal },
  );
}

/**
 * Domain events become deliveries (`outbox-effects.ts`, loaded with the first event): a
 * listener the event job runs once the write committed (`domain/event-job.ts`). The job is
 * deleted only after Fedify has queued the activity, so it is also the relay into Fedify's
 * queue (Deno KV on the embedded database): a crash in between queues it again.
 */
export function subscribeOutboxLazily(deps: Deps): () => void {
  return deps.effects.on(async (event) => {
    const { deliverEvent } = await import("./outbox-effects.ts");
    await deliverEvent(deps, event);
  });
}
