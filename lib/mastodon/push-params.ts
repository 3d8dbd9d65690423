/**
 * The push subscription API's parameters, as form fields (`subscription[keys][p256dh]`,
 * `data[alerts][admin.sign_up]`) or JSON — including masto.js's nesting of the admin types
 * (`{"admin": {"sign_up": true}}`) and its top-level `policy` beside Mastodon's `data[policy]`.
 */
import {
  type NewSubscriptionInput,
  PUSH_ALERT_TYPES,
  type PushData,
} from "../push/mod.ts";
import type { Params } from "./params.ts";

export function pushDataParams(params: Params): PushData {
  let alerts: Record<string, boolean> | undefined;
  for (const type of PUSH_ALERT_TYPES) {
    const value = params.boolean("data", "alerts", type) ??
      params.boolean("data", "alerts", ...type.split("."));
    if (value === undefined) continue;
    (alerts ??= {})[type] = value;
  }
  // `data[alerts]` given with no known type still means "these alerts, all off".
  if (!alerts && params.raw("data", "alerts") !== undefined) alerts = {};
  return {
    alerts,
    policy: params.string("data", "policy") ?? params.string("policy"),
  };
}

export function newSubscriptionParams(params: Params): NewSubscriptionInput {
  return {
    endpoint: params.string("subscription", "endpoint"),
    p256dh: params.string("subscription", "keys", "p256dh"),
    auth: params.string("subscription", "keys", "auth"),
    standard: params.boolean("subscription", "standard"),
    ...pushDataParams(params),
  };
}
