/**
 * Delivering a notification to the push services that asked for it. A listener on
 * `notification.created` enqueues one `push.deliver` job per subscription whose alerts and
 * policy want it; the job builds Mastodon's payload, encrypts it for the browser (RFC 8291
 * `aes128gcm`, or the draft `aesgcm` for a subscription without `standard`), signs with the
 * server's VAPID key (RFC 8292, through `web-push`) and POSTs it with `pinnedFetch`, the SSRF
 * guard every outgoing request uses: the endpoint is a URL a client gave us.
 *
 * Answers, as Mastodon's worker treats them: 2xx done; 404/410 the subscription is gone (deleted);
 * 408/429/5xx or no answer retried with backoff, or after the `Retry-After` the push service
 * gave (RFC 8030 §8.4 asks for it with 429); any other 4xx dropped with a log line.
 */
import type { Deps } from "../deps.ts";
import type { DomainEvent } from "../domain/effects.ts";
import {
  defineJob,
  exponentialBackoff,
  RetryLater,
  schema,
} from "../jobs/mod.ts";
import { pinnedFetch } from "../net/mod.ts";
import {
  deleteSubscription,
  deleteSubscriptionsOfTokens,
  findDeliverableSubscription,
  findNotificationFacts,
  type PushSubscriptionRow,
  subscriptionsWanting,
} from "./subscriptions-db.ts";
import { pushPayload, pushPayloadJson } from "./payload.ts";
import { unsealToken } from "./token-seal.ts";
import { contactEmail } from "../mastodon/entities/instance.ts";

export const PUSH_DELIVER_JOB = "push.deliver";

/** Mastodon's: a push older than two days is not worth showing. */
const TTL_SECONDS = 48 * 3600;
const URGENCY = "normal";
/** Push services answer with a few bytes. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** A push service's answer worth trying again (busy, overloaded, timed out). */
export class PushRetry extends Error {}

/** What the listener does with the domain events it cares about. */
export async function onPushEvent(deps: Deps, event: DomainEvent) {
  if (event.type === "notification.created") {
    const ids = await subscriptionsWanting(deps.sql, event.notificationId);
    await deps.jobs.enqueueMany(
      deps.sql,
      ids.map((subscriptionId) => ({
        kind: PUSH_DELIVER_JOB,
        payload: { subscriptionId, notificationId: event.notificationId },
      })),
    );
  } else if (event.type === "token.revoked") {
    // A revoked token's subscription ends with it (Mastodon deletes it with the token).
    await deleteSubscriptionsOfTokens(deps.sql, event.tokenIds);
  }
}

export const pushDeliverJob = defineJob<
  { subscriptionId: string; notificationId: string },
  Deps
>({
  kind: PUSH_DELIVER_JOB,
  parse: schema.object({
    subscriptionId: schema.string,
    notificationId: schema.string,
  }),
  retry: {
    // 2 s, 4 s, … at most 15 min apart, ten tries (about half an hour); never past the TTL.
    backoff: exponentialBackoff(2_000, 15 * 60_000),
    maxAttempts: 10,
    maxAgeMs: TTL_SECONDS * 1000,
  },
  handler: (deps, { subscriptionId, notificationId }) =>
    deliverPush(deps, subscriptionId, notificationId),
});

export async function deliverPush(
  deps: Deps,
  subscriptionId: string,
  notificationId: string,
): Promise<void> {
  const subscription = await findDeliverableSubscription(
    deps.sql,
    subscriptionId,
  );
  const notification = await findNotificationFacts(deps.sql, notificationId);
  // Unsubscribed, signed out, the alert turned off or the notification dismissed since.
  if (
    !subscription || !notification ||
    !subscription.alerts.includes(notification.type)
  ) return;
  const body = pushPayloadJson(pushPayload({
    origin: deps.config.origin,
    accessToken: await unsealToken(
      deps.secret,
      subscription.sealed_access_token,
    ),
    locale: subscription.locale,
    notification,
  }));
  let response: Response;
  try {
    response = await pinnedFetch(
      await encryptedRequest(deps, subscription, body),
      {
        allowPrivateAddress: deps.config.allowPrivateAddress,
        resolve: deps.resolveHost,
        maxBytes: MAX_RESPONSE_BYTES,
      },
    );
  } catch (error) {
    // The endpoint's path identifies the browser: the error (kept in the job row) names the host.
    const where = origin(subscription.endpoint);
    throw new PushRetry(
      `push to ${where}: ${
        String(error).replaceAll(subscription.endpoint, where)
      }`,
    );
  }
  await response.body?.cancel();
  const status = response.status;
  if (status >= 200 && status < 300) return;
  if (status === 404 || status === 410) {
    await deleteSubscription(deps.sql, subscription.id);
    return;
  }
  if (status === 408 || status === 429 || status >= 500) {
    const message = `push to ${origin(subscription.endpoint)}: ${status}`;
    const wait = retryAfterMs(response.headers.get("retry-after"));
    throw wait === null
      ? new PushRetry(message)
      : new RetryLater(`${message}, retry after ${wait / 1000} s`, wait);
  }
  console.warn(
    `push: ${
      origin(subscription.endpoint)
    } refused notification ${notificationId} for subscription ${subscription.id} with ${status}; dropped`,
  );
}

/** Past this, the push would be stale anyway: the TTL check parks it. */
const MAX_RETRY_AFTER_MS = TTL_SECONDS * 1000;

/**
 * `Retry-After` (RFC 9110 §10.2.3) as milliseconds from now: delay-seconds or an HTTP-date;
 * null when absent or unreadable (then the job's backoff applies).
 */
export function retryAfterMs(
  value: string | null,
  now = Date.now(),
): number | null {
  if (!value) return null;
  const text = value.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/**
 * The push as the push service takes it: the payload encrypted for the browser's keys (RFC 8291
 * `aes128gcm`, or the draft `aesgcm` without `standard`), the VAPID `Authorization` (and, for
 * `aesgcm`, `Crypto-Key`), `TTL` and `Urgency` — all made by `web-push`.
 */
async function encryptedRequest(
  deps: Deps,
  subscription: PushSubscriptionRow,
  body: string,
): Promise<Request> {
  // Loaded on the first push, not at start (it takes a noticeable part of a second).
  const { default: webpush } = await import("web-push");
  const request = webpush.generateRequestDetails(
    {
      endpoint: subscription.endpoint,
      keys: { p256dh: subscription.key_p256dh, auth: subscription.key_auth },
    },
    body,
    {
      vapidDetails: {
        subject: vapidSubject(deps),
        publicKey: deps.vapid.publicKey,
        privateKey: deps.vapid.privateKey,
      },
      TTL: TTL_SECONDS,
      urgency: URGENCY,
      contentEncoding: subscription.standard ? "aes128gcm" : "aesgcm",
    },
  );
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    // node:http sets Content-Length from the body.
    if (name.toLowerCase() !== "content-length") {
      headers.set(name, String(value));
    }
  }
  return new Request(request.endpoint, {
    method: "POST",
    headers,
    body: new Uint8Array(request.body),
  });
}

/**
 * RFC 8292's `sub`: a contact for the push service's operator, Mastodon's `mailto:` of the site
 * contact address (the one the instance API advertises).
 */
function vapidSubject(deps: Deps): string {
  return `mailto:${contactEmail(deps.config)}`;
}

/** Where a push went, for logs: the endpoint's path identifies the browser, so it stays out. */
function origin(endpoint: string): string {
  return new URL(endpoint).origin;
}
