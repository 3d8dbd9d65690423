/**
 * Deliveries are pinned like fetches: Fedify's POST to an inbox goes through `pinnedFetch`, so
 * the inbox's host is resolved once, every address it resolves to is checked (public only unless
 * `ALLOW_PRIVATE_ADDRESS`), and the connection goes to the checked address. An inbox that was
 * public when its actor was stored (`persistActor`) but whose host now resolves into the
 * operator's network (DNS rebinding) is not connected to.
 *
 * Why this wraps `globalThis.fetch`: Fedify 2.3.6 sends with the global `fetch`
 * (`sendActivityInternal`: `fetch(request)`, or `doubleKnock`, which calls `fetch` for each knock
 * and each redirect hop) and takes no fetch function or HTTP client in `createFederation`,
 * `sendActivity` or `doubleKnock` options. So the wrapper is installed once, by the composition
 * root (`createStarling`), and does nothing outside a delivery scope: the queue listener
 * (`lazy.ts`) runs Fedify's processing of each outbox message inside one (an
 * `AsyncLocalStorage` context carrying that instance's policy). Every other `fetch` in the
 * process (S3 media storage, Fedify's inbox and fan-out work, test clients) is the real one,
 * untouched. Starling never sends with Fedify's `immediate` option, so every delivery passes
 * through the queue, and so through a scope.
 *
 * A refused address fails the attempt as an unreachable host does: Fedify takes it for a
 * transport error (`FetchError`), counts it against that host's circuit breaker and retries on
 * the outbox schedule; every retry resolves the host again and is refused again before
 * connecting, and the delivery is dropped when the schedule (or the open circuit's hold) runs
 * out. Not a permanent failure at once: a host's DNS can be fixed, and refusing costs nothing.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { pinnedFetch, type PinnedFetchOptions } from "../net/mod.ts";

/** What a delivery scope holds: the sending instance's address policy and resolver. */
export type DeliveryPolicy =
  & Pick<PinnedFetchOptions, "allowPrivateAddress" | "resolve">
  & {
    /**
     * The federation policy's last gate: true for an inbox on a suspended (or not allowed)
     * domain. Such a delivery gets no connection; it ends as a 410 would, without retries.
     */
    refuses?: (url: URL) => boolean;
  };

/** An inbox's answer is barely read (Fedify logs 1 KiB of an error); more is cut off. */
const MAX_INBOX_RESPONSE_BYTES = 64 * 1024;

// The scope lives on `globalThis`, beside the `fetch` it guards: both are per process.
const SCOPE = Symbol.for("starling.pinnedDeliveryScope");
type ScopeHolder = { [SCOPE]?: AsyncLocalStorage<DeliveryPolicy> };

/**
 * Replaces `globalThis.fetch` with one that pins requests made inside a delivery scope and
 * passes every other call to the previous `fetch`. Once per process; later calls do nothing.
 */
export function installPinnedDeliveries(): void {
  const holder = globalThis as ScopeHolder;
  if (holder[SCOPE]) return;
  const scope = new AsyncLocalStorage<DeliveryPolicy>();
  const unpinned = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const policy = scope.getStore();
    if (!policy) return unpinned(input, init);
    const request = new Request(input, init);
    if (policy.refuses?.(new URL(request.url))) {
      return Promise.resolve(new Response(null, { status: 410 }));
    }
    return pinnedFetch(request, {
      ...policy,
      maxBytes: MAX_INBOX_RESPONSE_BYTES,
      signal: request.signal,
    });
  };
  holder[SCOPE] = scope;
}

/** Runs `task` (Fedify processing an outbox message) with its sends pinned under `policy`. */
export function withPinnedDeliveries<T>(
  policy: DeliveryPolicy,
  task: () => Promise<T>,
): Promise<T> {
  const scope = (globalThis as ScopeHolder)[SCOPE];
  if (!scope) {
    throw new Error(
      "deliveries are not pinned: installPinnedDeliveries() first",
    );
  }
  return scope.run(policy, task);
}

/** Whether a Fedify queue message is a delivery to one inbox (not fan-out or inbox work). */
export function isDeliveryMessage(message: unknown): boolean {
  return typeof message === "object" && message !== null &&
    (message as { type?: unknown }).type === "outbox";
}
