/** SQL for Web Push subscriptions (one per access token) and what a push is built from. */
import type { Queryable } from "../db/client.ts";

export interface PushSubscriptionRow {
  id: string;
  token_id: string;
  account_id: string;
  endpoint: string;
  key_p256dh: string;
  key_auth: string;
  standard: boolean;
  alerts: string[];
  policy: "all" | "followed" | "follower" | "none";
  sealed_access_token: string;
  created_at: Date;
  updated_at: Date;
}

export type NewPushSubscription = Omit<
  PushSubscriptionRow,
  "id" | "created_at" | "updated_at"
>;

/**
 * Replaces the token's subscription (Mastodon: a new one, with a new id, in place of the old),
 * in one statement so two at once can't both insert.
 */
export async function replaceSubscription(
  db: Queryable,
  s: NewPushSubscription,
): Promise<PushSubscriptionRow> {
  const [row] = await db<PushSubscriptionRow[]>`
    INSERT INTO web_push_subscriptions
      (token_id, account_id, endpoint, key_p256dh, key_auth, standard, alerts, policy,
       sealed_access_token)
    VALUES (${s.token_id}, ${s.account_id}, ${s.endpoint}, ${s.key_p256dh}, ${s.key_auth},
            ${s.standard}, ${s.alerts}, ${s.policy}, ${s.sealed_access_token})
    ON CONFLICT (token_id) DO UPDATE SET
      id = starling_id(), endpoint = EXCLUDED.endpoint, key_p256dh = EXCLUDED.key_p256dh,
      key_auth = EXCLUDED.key_auth, standard = EXCLUDED.standard, alerts = EXCLUDED.alerts,
      policy = EXCLUDED.policy, sealed_access_token = EXCLUDED.sealed_access_token,
      created_at = now(), updated_at = now()
    RETURNING *`;
  return row;
}

export async function findSubscriptionByToken(
  db: Queryable,
  tokenId: string,
): Promise<PushSubscriptionRow | null> {
  const [row] = await db<PushSubscriptionRow[]>`
    SELECT * FROM web_push_subscriptions WHERE token_id = ${tokenId}`;
  return row ?? null;
}

export async function updateSubscriptionData(
  db: Queryable,
  tokenId: string,
  data: { alerts: string[]; policy: PushSubscriptionRow["policy"] },
): Promise<PushSubscriptionRow | null> {
  const [row] = await db<PushSubscriptionRow[]>`
    UPDATE web_push_subscriptions
    SET alerts = ${data.alerts}, policy = ${data.policy}, updated_at = now()
    WHERE token_id = ${tokenId}
    RETURNING *`;
  return row ?? null;
}

export async function deleteSubscriptionByToken(
  db: Queryable,
  tokenId: string,
): Promise<boolean> {
  const rows =
    await db`DELETE FROM web_push_subscriptions WHERE token_id = ${tokenId} RETURNING id`;
  return rows.length > 0;
}

export async function deleteSubscriptionsOfTokens(
  db: Queryable,
  tokenIds: string[],
): Promise<void> {
  if (tokenIds.length === 0) return;
  await db`DELETE FROM web_push_subscriptions WHERE token_id = ANY(${tokenIds}::bigint[])`;
}

export async function deleteSubscription(
  db: Queryable,
  id: string,
): Promise<void> {
  await db`DELETE FROM web_push_subscriptions WHERE id = ${id}`;
}

/**
 * The recipient's subscriptions that want this notification: a live token, the type's alert
 * on, and the policy letting its sender through (`followed`: the recipient follows the sender;
 * `follower`: the sender follows the recipient), as Mastodon's `pushable?`.
 */
export async function subscriptionsWanting(
  db: Queryable,
  notificationId: string,
): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    SELECT s.id
    FROM notifications n
    JOIN web_push_subscriptions s ON s.account_id = n.account_id
    JOIN oauth_tokens t ON t.id = s.token_id AND t.revoked_at IS NULL
    WHERE n.id = ${notificationId}
      AND n.type = ANY(s.alerts)
      AND (s.policy = 'all'
        OR (s.policy = 'followed' AND EXISTS (SELECT 1 FROM follows f
              WHERE f.account_id = n.account_id AND f.target_account_id = n.from_account_id))
        OR (s.policy = 'follower' AND EXISTS (SELECT 1 FROM follows f
              WHERE f.account_id = n.from_account_id AND f.target_account_id = n.account_id)))`;
  return rows.map((r) => r.id);
}

/** A subscription whose token is still live, with its user's locale. */
export async function findDeliverableSubscription(
  db: Queryable,
  id: string,
): Promise<(PushSubscriptionRow & { locale: string }) | null> {
  const [row] = await db<(PushSubscriptionRow & { locale: string })[]>`
    SELECT s.*, u.locale
    FROM web_push_subscriptions s
    JOIN oauth_tokens t ON t.id = s.token_id AND t.revoked_at IS NULL
    JOIN users u ON u.id = t.user_id
    WHERE s.id = ${id}`;
  return row ?? null;
}

/** What the push's title, body and icon are made of (Mastodon's Web::NotificationSerializer). */
export interface PushNotificationFacts {
  id: string;
  type: string;
  from_display_name: string;
  from_username: string;
  from_avatar_url: string | null;
  from_note: string;
  spoiler_text: string | null;
  content: string | null;
}

export async function findNotificationFacts(
  db: Queryable,
  notificationId: string,
): Promise<PushNotificationFacts | null> {
  const [row] = await db<PushNotificationFacts[]>`
    SELECT n.id, n.type, a.display_name AS from_display_name, a.username AS from_username,
           a.avatar_url AS from_avatar_url, a.note AS from_note,
           s.spoiler_text, s.content
    FROM notifications n
    JOIN accounts a ON a.id = n.from_account_id
    LEFT JOIN statuses s ON s.id = n.status_id
    WHERE n.id = ${notificationId}`;
  return row ?? null;
}

/** The web UI's push token for a browser session (`web-token.ts`); made once. */
export async function insertSessionPushToken(
  db: Queryable,
  token: {
    applicationId: string;
    userId: string;
    webSessionId: string;
    tokenHash: string;
    scopes: string;
  },
): Promise<void> {
  await db`
    INSERT INTO oauth_tokens (application_id, user_id, token_hash, scopes, web_session_id)
    VALUES (${token.applicationId}, ${token.userId}, ${token.tokenHash}, ${token.scopes},
            ${token.webSessionId})
    ON CONFLICT (token_hash) DO NOTHING`;
}
