/**
 * The JSON a push carries, as Mastodon's `Web::NotificationSerializer` makes it: the token the
 * subscription was made with (apps tell accounts apart by it), the user's locale, the
 * notification's id and type, and a ready title, body and icon for showing it without an API call.
 */
import { htmlToPlainText } from "../text/plain.ts";
import { absolute, DEFAULT_AVATAR_PATH } from "../mastodon/entities/account.ts";
import type { PushNotificationFacts } from "./subscriptions-db.ts";

/** Mastodon's English `notification_mailer.<type>.subject`, `%{name}` the sender. */
const TITLES: Record<string, (name: string) => string> = {
  mention: (name) => `${name} mentioned you`,
  status: (name) => `${name} just posted`,
  reblog: (name) => `${name} boosted your post`,
  follow: (name) => `${name} is now following you`,
  follow_request: (name) => `Pending follower: ${name}`,
  favourite: (name) => `${name} favorited your post`,
  poll: (name) => `A poll by ${name} has ended`,
  update: (name) => `${name} edited a post`,
  quote: (name) => `${name} quoted your post`,
  quoted_update: (name) => `${name} edited a post you have quoted`,
  "admin.sign_up": (name) => `${name} signed up`,
  "admin.report": (name) => `${name} submitted a report`,
};

const BODY_LENGTH = 140;

export interface PushPayloadInput {
  origin: string;
  accessToken: string;
  locale: string;
  notification: PushNotificationFacts;
}

export function pushPayload(
  { origin, accessToken, locale, notification: n }: PushPayloadInput,
) {
  const name = n.from_display_name.trim() || n.from_username;
  return {
    access_token: accessToken,
    preferred_locale: locale || "en",
    notification_id: n.id,
    notification_type: n.type,
    icon: absolute(origin, n.from_avatar_url, DEFAULT_AVATAR_PATH),
    title: (TITLES[n.type] ?? ((who) => `New notification from ${who}`))(name),
    body: truncate(
      htmlToPlainText(n.spoiler_text || n.content || n.from_note).trim(),
    ),
  };
}

/**
 * The payload as JSON text. `notification_id` is written as a JSON number, as Mastodon sends it
 * (native apps decode it as a 64-bit integer); our ids are decimal digits, written exactly.
 */
export function pushPayloadJson(payload: ReturnType<typeof pushPayload>) {
  if (!/^\d+$/.test(payload.notification_id)) {
    throw new Error(
      `notification id ${payload.notification_id} is not numeric`,
    );
  }
  return JSON.stringify({ ...payload, notification_id: 0 }).replace(
    '"notification_id":0',
    `"notification_id":${payload.notification_id}`,
  );
}

/** Rails' `truncate(length: 140)`: at most 140 characters, "..." included when cut. */
function truncate(text: string): string {
  const chars = [...text];
  if (chars.length <= BODY_LENGTH) return text;
  return chars.slice(0, BODY_LENGTH - 3).join("") + "...";
}
