/**
 * Web Push (RFC 8030, 8291, 8292) as Mastodon offers it: the VAPID key pair, the push
 * subscription API's rules, and delivering each notification to the subscriptions that want it.
 * Everything outside `lib/push` imports from here.
 */
import type { Deps } from "../deps.ts";
import { onPushEvent } from "./delivery.ts";

export { loadVapidKeys, type VapidKeys } from "./vapid.ts";
export { pushDeliverJob } from "./delivery.ts";
export {
  changeSubscription,
  currentSubscription,
  type NewSubscriptionInput,
  PUSH_ALERT_TYPES,
  PUSH_POLICIES,
  type PushCaller,
  type PushData,
  type PushPolicy,
  subscribe,
  unsubscribe,
} from "./subscriptions.ts";
export type { PushSubscriptionRow } from "./subscriptions-db.ts";
export { webPushToken } from "./web-token.ts";

/**
 * Wires delivery to the domain events (`notification.created` → `push.deliver` jobs;
 * `token.revoked` → the token's subscription goes). Returns the unsubscribe.
 */
export function subscribePushDelivery(deps: Deps): () => void {
  return deps.effects.on((event) => onPushEvent(deps, event));
}
