/**
 * Statuses: the one write path (`insertStatus`) shared by local posting and the inbox, plus the
 * local rules (length, polls, media, idempotency) and edit/delete. Interactions (favourite,
 * reblog, bookmark, pin, mute) live in `interactions.ts`.
 */
import type { Sql, Tx } from "../db/client.ts";
import type { AccountRow, UserRow } from "../db/accounts.ts";
import * as db from "../db/statuses.ts";
import type { StatusRow } from "../db/statuses.ts";
import { fanOutToHomeFeeds } from "../db/feeds.ts";
import {
  insertNotifications,
  type NotificationRow,
} from "../db/notifications.ts";
import { insertPoll } from "../db/polls.ts";
import {
  countStatusLength,
  extractMentions,
  formatStatus,
} from "../text/compose.ts";
import type { DomainEvent, Effects } from "./effects.ts";
import {
  addDirectStatus,
  announceConversations,
  type ConversationRow,
} from "./conversations.ts";
import { forbidden, invalid, notFound } from "./errors.ts";
import { requireVisible, VISIBILITIES, type Visibility } from "./visibility.ts";

/** What status functions need; `Deps` satisfies it. */
export interface StatusDeps {
  sql: Sql;
  effects: Effects;
  config: { origin: string; host: string };
}

export const MAX_STATUS_LENGTH = 500;
export const MAX_MEDIA = 4;
export const POLL_LIMITS = {
  maxOptions: 4,
  maxOptionLength: 50,
  minExpiration: 300,
  maxExpiration: 2629746,
};

export interface PollInput {
  options: string[];
  multiple?: boolean;
  hideTotals?: boolean;
  /** Local polls: seconds from now. */
  expiresIn?: number;
  /** Remote polls: the end time as published. */
  expiresAt?: Date | null;
  votesCounts?: number[];
  votersCount?: number;
}

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
  poll?: PollInput | null;
}

export interface InsertedStatus {
  status: StatusRow;
  notifications: NotificationRow[];
  /** Direct statuses: the participants' conversations it joined. */
  conversations: ConversationRow[];
}

/**
 * Inserts a status with its mentions, tags, media and poll, fans it out to local home feeds and
 * writes mention/status/reblog notifications. Call inside a transaction; after commit, pass the
 * result to `announceInserted`. The federation inbox calls this for remote statuses.
 */
export async function insertStatus(
  tx: Tx,
  config: { origin: string },
  input: InsertStatusInput,
): Promise<InsertedStatus> {
  const id = await db.nextStatusId(
    tx,
    input.local ? undefined : input.published,
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
  if (parent) await db.adjustCounter(tx, parent.id, "replies_count", 1);
  if (input.reblogOf) {
    await db.adjustCounter(tx, input.reblogOf.id, "reblogs_count", 1);
  } else {await db.adjustAccountStatusesCount(
      tx,
      input.accountId,
      1,
      status.created_at,
    );}

  await fanOutToHomeFeeds(tx, {
    statusId: status.id,
    authorId: input.accountId,
    visibility: input.visibility,
    inReplyToAccountId: parent?.account_id ?? null,
    reblogOfAuthorId: input.reblogOf?.account_id ?? null,
    mentionedIds: mentioned,
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
  const notifications = await insertNotifications(tx, wanted);
  if (!input.reblogOf && input.visibility !== "direct") {
    // `status` notifications for followers who asked to be told (bell icon).
    const subscribers = await tx<{ account_id: string }[]>`
      SELECT account_id FROM follows WHERE target_account_id = ${input.accountId} AND notify
        AND NOT (account_id = ANY(${mentioned}::bigint[]))`;
    notifications.push(
      ...await insertNotifications(
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

/** Emits the events for a committed `insertStatus`. */
export function announceInserted(
  effects: Effects,
  inserted: InsertedStatus,
): void {
  const { status } = inserted;
  effects.emit({
    type: "status.created",
    statusId: status.id,
    accountId: status.account_id,
    local: status.local,
    visibility: status.visibility,
    reblogOfId: status.reblog_of_id,
  });
  if (status.reblog_of_id) {
    effects.emit({
      type: "reblog.created",
      statusId: status.id,
      reblogOfId: status.reblog_of_id,
      accountId: status.account_id,
    });
  }
  announceNotifications(effects, inserted.notifications);
  announceConversations(effects, inserted.conversations);
}

export function announceNotifications(
  effects: Effects,
  rows: NotificationRow[],
): void {
  for (const n of rows) {
    effects.emit({
      type: "notification.created",
      notificationId: n.id,
      recipientId: n.account_id,
      notificationType: n.type,
    });
  }
}

export interface CreateStatusInput {
  status?: string;
  spoilerText?: string;
  sensitive?: boolean;
  visibility?: string;
  inReplyToId?: string;
  language?: string;
  mediaIds?: string[];
  poll?: PollInput | null;
  idempotencyKey?: string;
  applicationId?: string | null;
}

export interface LocalAuthor {
  account: AccountRow;
  user: UserRow;
}

/** Posts a local status: validates, renders, inserts, fans out, in one transaction. */
export async function createStatus(
  deps: StatusDeps,
  author: LocalAuthor,
  input: CreateStatusInput,
): Promise<StatusRow> {
  const text = (input.status ?? "").replace(/\r\n?/g, "\n");
  const spoilerText = input.spoilerText ?? "";
  const mediaIds = [...new Set(input.mediaIds ?? [])];
  validateBody(text, spoilerText, mediaIds, input.poll ?? null);
  const visibility = parseVisibility(
    input.visibility,
    author.user.default_privacy,
  );
  const key = input.idempotencyKey?.slice(0, 200);
  if (key) {
    const existing = await findIdempotent(deps.sql, author.user.id, key);
    if (existing) return existing;
  }
  const rendered = await renderText(deps, text);
  const inserted = await deps.sql.begin(async (tx) => {
    let parent: StatusRow | null = null;
    if (input.inReplyToId) {
      parent = await requireVisible(
        tx,
        { accountId: author.account.id },
        await db.findStatusById(tx, input.inReplyToId),
      ).catch(() => {
        throw invalid(
          "The post you are trying to reply to does not appear to exist",
          "in_reply_to_id",
        );
      });
      if (parent.reblog_of_id) {
        throw invalid("Cannot reply to a boost", "in_reply_to_id");
      }
    }
    const result = await insertStatus(tx, deps.config, {
      accountId: author.account.id,
      authorUsername: author.account.username,
      local: true,
      visibility,
      content: rendered.html,
      text,
      spoilerText,
      sensitive: (input.sensitive ?? false) || spoilerText.length > 0 ||
        (mediaIds.length > 0 && author.user.default_sensitive),
      language: input.language ?? author.user.default_language ?? null,
      inReplyTo: parent,
      applicationId: input.applicationId ?? null,
      mentionedAccountIds: rendered.mentionIds,
      tags: rendered.tags,
      mediaIds,
      poll: input.poll ?? null,
    });
    if (key) {
      await tx`INSERT INTO idempotency_keys (user_id, key, status_id)
               VALUES (${author.user.id}, ${key}, ${result.status.id})`;
    }
    return result;
  });
  announceInserted(deps.effects, inserted);
  return inserted.status;
}

async function findIdempotent(sql: Sql, userId: string, key: string) {
  const [row] = await sql<{ status_id: string | null }[]>`
    SELECT status_id FROM idempotency_keys WHERE user_id = ${userId} AND key = ${key}
      AND created_at > now() - interval '1 hour'`;
  return row?.status_id ? await db.findStatusById(sql, row.status_id) : null;
}

function validateBody(
  text: string,
  spoiler: string,
  mediaIds: string[],
  poll: PollInput | null,
) {
  if (!text.trim() && mediaIds.length === 0 && !poll) {
    throw invalid("Text can't be blank", "status");
  }
  if (
    countStatusLength(text) + countStatusLength(spoiler) > MAX_STATUS_LENGTH
  ) {
    throw invalid(
      `Text is too long (maximum is ${MAX_STATUS_LENGTH} characters)`,
      "status",
    );
  }
  if (mediaIds.length > MAX_MEDIA) {
    throw invalid("Too many media attachments", "media_ids");
  }
  if (poll && mediaIds.length) {
    throw invalid("Cannot attach both media and a poll", "poll");
  }
  if (poll) validatePoll(poll);
}

export function validatePoll(poll: PollInput): void {
  const options = poll.options.map((o) => o.trim());
  if (options.length < 2) {
    throw invalid("Poll must have at least 2 options", "poll");
  }
  if (options.length > POLL_LIMITS.maxOptions) {
    throw invalid(
      `Poll can't have more than ${POLL_LIMITS.maxOptions} options`,
      "poll",
    );
  }
  if (options.some((o) => !o || [...o].length > POLL_LIMITS.maxOptionLength)) {
    throw invalid("Poll options must be 1 to 50 characters", "poll");
  }
  if (new Set(options).size !== options.length) {
    throw invalid("Poll options must be unique");
  }
  const expiresIn = poll.expiresIn ?? 86400;
  if (
    expiresIn < POLL_LIMITS.minExpiration ||
    expiresIn > POLL_LIMITS.maxExpiration
  ) {
    throw invalid("Poll duration is out of range", "poll");
  }
  poll.options = options;
  poll.expiresIn = expiresIn;
}

export function parseVisibility(
  value: string | undefined,
  fallback: string,
): Visibility {
  const chosen = value ?? fallback;
  if (!(VISIBILITIES as readonly string[]).includes(chosen)) {
    throw invalid("Visibility is not included in the list", "visibility");
  }
  return chosen as Visibility;
}

/** Local text → HTML, resolving mentions (local and known remote) in one query. */
export async function renderText(deps: StatusDeps, text: string) {
  const handles = extractMentions(text).map((m) => ({
    username: m.username,
    domain: m.domain && m.domain !== deps.config.host.toLowerCase()
      ? m.domain
      : null,
  }));
  const found = await db.findAccountsByHandles(deps.sql, handles);
  const byHandle = new Map(
    found.map((
      a,
    ) => [`${a.username.toLowerCase()}@${a.domain?.toLowerCase() ?? ""}`, a]),
  );
  const origin = deps.config.origin;
  const formatted = formatStatus(text, {
    resolveMention(username, domain) {
      const local = !domain || domain === deps.config.host.toLowerCase();
      const account = byHandle.get(
        `${username.toLowerCase()}@${local ? "" : domain}`,
      );
      if (!account) return null;
      return {
        id: account.id,
        url: account.domain
          ? account.url ?? ""
          : `${origin}/@${account.username}`,
      };
    },
    tagUrl: (name) => `${origin}/tags/${encodeURIComponent(name)}`,
  });
  return {
    html: formatted.html,
    mentionIds: [...new Set(formatted.mentions.map((m) => m.id))],
    tags: formatted.tags,
  };
}

/** Loads a status the viewer may see, or throws 404 (the same as for a missing one). */
export async function getVisibleStatus(
  deps: { sql: Sql },
  viewerId: string | null,
  id: string,
): Promise<StatusRow> {
  return await requireVisible(
    deps.sql,
    viewerId ? { accountId: viewerId } : null,
    await db.findStatusById(deps.sql, id),
  );
}

/** Loads the viewer's own status or throws 404/403. */
export async function getOwnStatus(
  deps: { sql: Sql },
  accountId: string,
  id: string,
) {
  const status = await getVisibleStatus(deps, accountId, id);
  if (status.account_id !== accountId) throw forbidden();
  if (status.reblog_of_id) throw notFound();
  return status;
}

export type { DomainEvent };
