/** The `WebPushSubscription` entity: every pushable type in `alerts`, on or off. */
import {
  PUSH_ALERT_TYPES,
  type PushPolicy,
  type PushSubscriptionRow,
} from "../../push/mod.ts";

export interface WebPushSubscription {
  id: string;
  endpoint: string;
  standard: boolean;
  alerts: Record<string, boolean>;
  server_key: string;
  policy: PushPolicy;
}

export function webPushSubscriptionJson(
  row: PushSubscriptionRow,
  serverKey: string,
): WebPushSubscription {
  return {
    id: row.id,
    endpoint: row.endpoint,
    standard: row.standard,
    alerts: Object.fromEntries(
      PUSH_ALERT_TYPES.map((type) => [type, row.alerts.includes(type)]),
    ),
    server_key: serverKey,
    policy: row.policy,
  };
}
