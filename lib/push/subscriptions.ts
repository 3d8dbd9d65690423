/**
 * Mastodon's push subscription rules: one subscription per access token (creating replaces it),
 * `alerts` per notification type (off unless asked for), a `policy` of whose notifications are
 * pushed, and an endpoint that is an `https` URL (plain `http` only with
 * `ALLOW_PRIVATE_ADDRESS`, for tests and local development).
 */
import { Buffer } from "node:buffer";
import type { Deps } from "../deps.ts";
import type { Queryable } from "../db/client.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { NOTIFICATION_TYPES } from "../domain/notifications.ts";
import * as db from "./subscriptions-db.ts";
import { sealToken } from "./token-seal.ts";
import { isPublicUrl } from "../net/mod.ts";

export type PushPolicy = db.PushSubscriptionRow["policy"];
export const PUSH_POLICIES: PushPolicy[] = [
  "all",
  "followed",
  "follower",
  "none",
];
/** Every notification type can be pushed (Mastodon permits `alerts` for all of them). */
export const PUSH_ALERT_TYPES: readonly string[] = NOTIFICATION_TYPES;

/** Who subscribes: the access token the request came with, and its account. */
export interface PushCaller {
  tokenId: string;
  accountId: string;
  /** The bearer token itself, put in every push payload (sealed when stored). */
  accessToken: string;
}

export interface PushData {
  /** Types given (`true` or `false`); types left out are off. Undefined: not given. */
  alerts?: Record<string, boolean>;
  policy?: string;
}

export interface NewSubscriptionInput extends PushData {
  endpoint?: string;
  p256dh?: string;
  auth?: string;
  standard?: boolean;
}

export async function subscribe(
  deps: Pick<Deps, "sql" | "secret" | "config" | "resolveHost">,
  caller: PushCaller,
  input: NewSubscriptionInput,
): Promise<db.PushSubscriptionRow> {
  const { allowPrivateAddress } = deps.config;
  const endpoint = checkEndpoint(input.endpoint, allowPrivateAddress);
  // Refused early what delivery would refuse anyway (`pinnedFetch` checks again, at every push,
  // against DNS rebinding).
  if (!allowPrivateAddress && !await isPublicUrl(endpoint, deps.resolveHost)) {
    throw invalid("Endpoint is not a public address");
  }
  const p256dh = checkKey(input.p256dh, "Key p256dh", 65);
  const auth = checkKey(input.auth, "Key auth", 16);
  return await db.replaceSubscription(deps.sql, {
    token_id: caller.tokenId,
    account_id: caller.accountId,
    endpoint,
    key_p256dh: p256dh,
    key_auth: auth,
    standard: input.standard ?? false,
    alerts: enabledAlerts(input.alerts),
    policy: checkPolicy(input.policy) ?? "all",
    sealed_access_token: await sealToken(deps.secret, caller.accessToken),
  });
}

export async function currentSubscription(
  sql: Queryable,
  tokenId: string,
): Promise<db.PushSubscriptionRow> {
  return await db.findSubscriptionByToken(sql, tokenId) ?? fail();
}

/** Changes alerts and policy; what isn't given stays as it was. */
export async function changeSubscription(
  sql: Queryable,
  tokenId: string,
  data: PushData,
): Promise<db.PushSubscriptionRow> {
  const current = await currentSubscription(sql, tokenId);
  return await db.updateSubscriptionData(sql, tokenId, {
    alerts: data.alerts ? enabledAlerts(data.alerts) : current.alerts,
    policy: checkPolicy(data.policy) ?? current.policy,
  }) ?? fail();
}

/** Mastodon answers `{}` whether or not there was one. */
export async function unsubscribe(sql: Queryable, tokenId: string) {
  await db.deleteSubscriptionByToken(sql, tokenId);
}

function fail(): never {
  throw notFound();
}

function enabledAlerts(alerts: Record<string, boolean> | undefined): string[] {
  return PUSH_ALERT_TYPES.filter((type) => alerts?.[type] === true);
}

function checkPolicy(policy: string | undefined): PushPolicy | undefined {
  if (policy === undefined || policy === "") return undefined;
  if (!PUSH_POLICIES.includes(policy as PushPolicy)) {
    throw invalid(`Policy must be one of ${PUSH_POLICIES.join(", ")}`);
  }
  return policy as PushPolicy;
}

function checkEndpoint(
  endpoint: string | undefined,
  allowHttp: boolean,
): string {
  if (!endpoint) throw invalid("Endpoint can't be blank");
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw invalid("Endpoint is not a valid URL");
  }
  if (url.protocol !== "https:" && !(allowHttp && url.protocol === "http:")) {
    throw invalid("Endpoint must be an https URL");
  }
  return url.href;
}

/** A browser key, base64 or base64url: the P-256 point (65 bytes), the auth secret (16). */
function checkKey(
  value: string | undefined,
  name: string,
  length: number,
): string {
  if (!value) throw invalid(`${name} can't be blank`);
  const normal = value.trim().replaceAll("+", "-").replaceAll("/", "_")
    .replace(/=+$/, "");
  if (
    !/^[\w-]+$/.test(normal) ||
    Buffer.from(normal, "base64url").length !== length
  ) {
    throw invalid(`${name} is not a valid key`);
  }
  return normal;
}
