/**
 * The one write path for a status, shared by local posting (`createStatus`), boosts and the
 * federation inbox (`createRemoteStatus`): the row with its mentions, tags, media and poll, the
 * fan-out to home feeds and the notifications, and (`insertedEvents`) the events its caller
 * records in the same transaction.
 */
import type { Tx } from "../db/client.ts";
import * as db from "../db/statuses.ts";
import type { StatusRow } from "../db/statuses.ts";
import { fanOutToHomeFeeds } from "../db/feeds.ts";
import type { NotificationRow } from "../db/notifications.ts";
import { createNotifications } from "./notifications.ts";
import { insertPoll } from "../db/polls.ts";
import { replaceLinks } from "../db/status-links.ts";
import { linkedUrls } from "../text/links.ts";
import { insertRemoteMedia, type RemoteMediaRow } from "../db/media.ts";
import type { DomainEvent } from "./effects.ts";
import {
  addDirectStatus,
  conversationEvents,
  type ConversationRow,
} from "./conversations.ts";
import { invalid } from "./errors.ts";
import type { Visibility } from "./visibility.ts";
import type { PollInput } from "./status-input.ts";

/** Everything `insertStatus` needs: content already rendered (local) or sanitised (remote). */
export interface InsertStatusInput {
  accountId: string;
  /** A local author's username (for the status's URI); looked up when absent. */
  authorUsername?: string;
  local: boolean;
  /** Remote: the object id. Local: omitted (built from the id). */
  uri?: string;
  url?: string | null;
  /** Remote: the `published` time, which also orders the id. */
  published?: Date;
  visibility: Visibility;
  content: string;
  text?: string;
  spoilerText?: string;
  sensitive?: boolean;
  language?: string | null;
  inReplyTo?: StatusRow | null;
  /** Kept when the parent is unknown (remote replies to statuses we never saw). */
  inReplyToUri?: string | null;
  reblogOf?: StatusRow | null;
  applicationId?: string | null;
  mentionedAccountIds?: string[];
  /** Normalised (lowercase) hashtag names. */
  tags?: string[];
  /** Media rows owned by `accountId`, not attached elsewhere. */
  mediaIds?: string[];
  /**
   * Remote: the post's attachments, stored with the row (so a duplicate, which fails on the
   * row, leaves no media behind).
   */
  remoteMedia?: RemoteMediaRow[];
  poll?: PollInput | null;
  /**
   * A local post brought in from an account archive (`lib/archive`): its id and date come from
   * `published`, it keeps `originUri`, and it is history, not news — no home-feed fan-out, no
   * notifications, no conversation (and its caller records no events, so nothing federates).
   */
  imported?: { originUri: string };
}

export interface InsertedStatus {
  status: StatusRow;
  notifications: NotificationRow[];
  /** Direct statuses: the participants' conversations it joined. */
  conversations: ConversationRow[];
}

/**
 * Inserts a status with its mentions, tags, media and poll, fans it out to local home feeds and
 * writes mention/status/reblog notifications. Call inside a transaction, and record
 * `insertedEvents(result)` in it. The federation inbox calls this for remote statuses.
 */
export async function insertStatus(
  tx: Tx,
  config: { origin: string },
  input: InsertStatusInput,
): Promise<InsertedStatus> {
  const id = await db.nextStatusId(
    tx,
    input.local && !input.imported ? undefined : input.published,
  );
  let uri = input.uri;
  let url = input.url ?? null;
  if (input.local) {
    const username = input.authorUsername ?? (await tx<{ username: string }[]>`
      SELECT username FROM accounts WHERE id = ${input.accountId}`)[0].username;
    const base = `${config.origin}/users/${username}/statuses/${id}`;
    uri ??= input.reblogOf ? `${base}/activity` : base;
    url ??= input.reblogOf ? null : `${config.origin}/@${username}/${id}`;
  }
  if (!uri) throw invalid("A remote status needs a uri");
  const parent = input.inReplyTo ?? null;
  let pollId: string | null = null;
  if (input.poll) {
    const poll = await insertPoll(tx, {
      account_id: input.accountId,
      options: input.poll.options,
      multiple: input.poll.multiple ?? false,
      hide_totals: input.poll.hideTotals ?? false,
      expires_at: input.poll.expiresAt ??
        (input.poll.expiresIn
          ? new Date(Date.now() + input.poll.expiresIn * 1000)
          : null),
      votes_counts: input.poll.votesCounts,
      voters_count: input.poll.votersCount,
    });
    pollId = poll.id;
  }
  const status = await db.insertStatusRow(tx, {
    id,
    uri,
    url,
    account_id: input.accountId,
    local: input.local,
    visibility: input.visibility,
    in_reply_to_id: parent?.id ?? null,
    in_reply_to_account_id: parent?.account_id ?? null,
    in_reply_to_uri: parent?.uri ?? input.inReplyToUri ?? null,
    reblog_of_id: input.reblogOf?.id ?? null,
    // A new thread's conversation takes the root's id: both come from `starling_id()`, so it
    // is as unique as a fresh one and saves a round trip.
    conversation_id: parent?.conversation_id ??
      input.reblogOf?.conversation_id ?? id,
    text: input.text ?? "",
    content: input.content,
    spoiler_text: input.spoilerText ?? "",
    sensitive: input.sensitive ?? false,
    language: input.language ?? null,
    application_id: input.applicationId ?? null,
    poll_id: pollId,
    created_at: input.published,
    imported_at: input.imported ? new Date() : undefined,
    origin_uri: input.imported?.originUri,
  });
  // A new row has nothing to replace: skip the DELETEs when there is nothing to add.
  const mentioned = [...new Set(input.mentionedAccountIds ?? [])];
  if (mentioned.length) await db.replaceMentions(tx, status.id, mentioned);
  const tags = [...new Set(input.tags ?? [])];
  if (tags.length) {
    await db.replaceTags(
      tx,
      status.id,
      tags.map((name) => ({ name, display_name: name })),
    );
  }
  if (!input.reblogOf) {
    const links = linkedUrls(input.content);
    if (links.length) await replaceLinks(tx, status.id, links, { fresh: true });
  }
  const mediaIds = input.mediaIds ?? [];
  if (mediaIds.length) {
    const attached = await db.attachMedia(
      tx,
      status.id,
      input.accountId,
      mediaIds,
    );
    if (attached !== mediaIds.length) {
      throw invalid("Media could not be attached", "media_ids");
    }
  }
  if (input.remoteMedia?.length) {
    await insertRemoteMedia(tx, input.accountId, status.id, input.remoteMedia);
  }
  if (parent) await db.adjustCounter(tx, parent.id, "replies_count", 1);
  if (input.reblogOf) {
    await db.adjustCounter(tx, input.reblogOf.id, "reblogs_count", 1);
  } else {await db.adjustAccountStatusesCount(
      tx,
      input.accountId,
      1,
      status.created_at,
    );}

  if (input.imported) return { status, notifications: [], conversations: [] };
  await fanOutToHomeFeeds(tx, {
    statusId: status.id,
    authorId: input.accountId,
    visibility: input.visibility,
    inReplyToAccountId: parent?.account_id ?? null,
    reblogOfAuthorId: input.reblogOf?.account_id ?? null,
    mentionedIds: mentioned,
    tags,
  });
  const wanted = input.reblogOf
    ? [{
      recipientId: input.reblogOf.account_id,
      fromAccountId: input.accountId,
      type: "reblog",
      statusId: input.reblogOf.id,
    }]
    : mentioned.map((recipientId) => ({
      recipientId,
      fromAccountId: input.accountId,
      type: "mention",
      statusId: status.id,
    }));
  const notifications = await createNotifications(tx, wanted);
  if (!input.reblogOf && input.visibility !== "direct") {
    // `status` notifications for followers who asked to be told (bell icon).
    const subscribers = await tx<{ account_id: string }[]>`
      SELECT account_id FROM follows
      WHERE target_account_id = ${input.accountId} AND local_follower AND notify
        AND NOT (account_id = ANY(${mentioned}::bigint[]))`;
    notifications.push(
      ...await createNotifications(
        tx,
        subscribers.map((s) => ({
          recipientId: s.account_id,
          fromAccountId: input.accountId,
          type: "status",
          statusId: status.id,
        })),
      ),
    );
  }
  const conversations = await addDirectStatus(tx, status, mentioned);
  return { status, notifications, conversations };
}

/** The events of an `insertStatus`: record them in its transaction. */
export function insertedEvents(inserted: InsertedStatus): DomainEvent[] {
  const { status } = inserted;
  const events: DomainEvent[] = [{
    type: "status.created",
    statusId: status.id,
    accountId: status.account_id,
    local: status.local,
    visibility: status.visibility,
    reblogOfId: status.reblog_of_id,
  }];
  if (status.reblog_of_id) {
    events.push({
      type: "reblog.created",
      statusId: status.id,
      reblogOfId: status.reblog_of_id,
      accountId: status.account_id,
    });
  }
  return [
    ...events,
    ...notificationEvents(inserted.notifications),
    ...conversationEvents(inserted.conversations),
  ];
}

export function notificationEvents(rows: NotificationRow[]): DomainEvent[] {
  return rows.map((n) => ({
    type: "notification.created",
    notificationId: n.id,
    recipientId: n.account_id,
    notificationType: n.type,
  }));
}
