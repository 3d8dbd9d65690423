/**
 * The streaming API's hub. Domain events (ids only) reach every server process — through
 * Postgres LISTEN/NOTIFY (a NOTIFY in the writing transaction) when the database is a Postgres
 * server, through the event's job with the embedded database (one process) — and each process renders the entity once for its own subscribers,
 * checking visibility for each subscriber with the one visibility rule.
 */
import type { Sql } from "../db/client.ts";
import type { DomainEvent, EffectBus } from "../domain/effects.ts";
import { findStatusById } from "../db/statuses.ts";
import { feedHolders } from "../db/feeds.ts";
import { notifyAll } from "../db/notify.ts";
import { listsIncluding } from "../db/lists.ts";
import { findNotificationsByIds } from "../db/notifications.ts";
import { isVisibleTo, viewersWhoSee } from "../domain/visibility.ts";
import { applyFilters, renderStatusForViewers } from "./entities/status.ts";
import {
  type FilterContext,
  inContext,
  loadViewersFilters,
} from "../domain/filters.ts";
import { renderNotifications } from "./entities/notification.ts";
import { findConversation } from "../db/conversations.ts";
import { renderConversation } from "./entities/conversation.ts";
import {
  announcementMessage,
  isAnnouncementEvent,
} from "./streaming-announcements.ts";

const CHANNEL = "starling_stream";

export const STREAM_NAMES = [
  "user",
  "user:notification",
  "public",
  "public:local",
  "public:remote",
  "public:media",
  "public:local:media",
  "public:remote:media",
  "hashtag",
  "hashtag:local",
  "list",
  "direct",
] as const;
export type StreamName = typeof STREAM_NAMES[number];

/** One subscription: a stream name and, for hashtag and list streams, its parameter. */
export interface Subscription {
  stream: StreamName;
  /** Lowercased tag, or list id. */
  param?: string;
}

export const subscriptionKey = (s: Subscription) =>
  s.param ? `${s.stream}\n${s.param}` : s.stream;

/** A client connection (a WebSocket or an SSE response) held by this process. */
export interface StreamConnection {
  accountId: string | null;
  /** The token it was opened with: revoking the token ends the connection. */
  tokenId?: string | null;
  subscriptions: Map<string, Subscription>;
  send(message: { stream: string[]; event: string; payload: string }): void;
  /**
   * Ends the connection from the server side: its token was revoked, or this process is
   * stopping (the client should reconnect, to this server once restarted or to another).
   */
  close?(reason: "revoked" | "shutdown"): void;
}

export interface StreamHubOptions {
  sql: Sql;
  dbKind: "postgres" | "pglite";
  effects: EffectBus;
  origin: string;
}

export class StreamHub {
  #connections = new Set<StreamConnection>();
  #options: StreamHubOptions;
  #unsubscribe: (() => void) | null = null;
  #unlisten: (() => Promise<void>) | null = null;
  #closed = false;

  constructor(options: StreamHubOptions) {
    this.#options = options;
  }

  /**
   * Connects the hub to the domain's events (and to the other processes, on Postgres). With
   * `publishOnly` (a process that serves no streams: the admin CLI) its events still reach the
   * servers' streams, but it doesn't LISTEN itself.
   */
  async start(options: { publishOnly?: boolean } = {}): Promise<void> {
    const { sql, dbKind, effects } = this.#options;
    if (dbKind === "postgres") {
      if (!options.publishOnly) {
        const listener = await sql.listen(CHANNEL, (payload) => {
          this.#dispatch(JSON.parse(payload)).catch((e) =>
            console.error("stream dispatch:", e)
          );
        });
        this.#unlisten = () => listener.unlisten();
      }
      // Sent inside the writing transaction, so the server delivers it at commit: a stream
      // event is neither lost to a crash after the commit nor sent for a rolled-back write,
      // and doesn't wait for the event's job. Kept after `close()`: writes still finishing in
      // this process must reach the other processes' streams.
      effects.inTransaction(async (tx, events) => {
        const payloads = events.filter(streamed).map((e) => JSON.stringify(e));
        await notifyAll(tx, CHANNEL, payloads);
      });
    } else {
      // One process: the event's job (run here, right after the commit) streams it. Streams
      // end with the process, so nothing is owed to them after a crash.
      this.#unsubscribe = effects.on((event) =>
        streamed(event) ? this.#dispatch(event) : undefined
      );
    }
  }

  /** Stops listening and ends every open stream (clients reconnect, to another process). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe?.();
    await this.#unlisten?.().catch(() => {});
    const connections = [...this.#connections];
    this.#connections.clear();
    for (const c of connections) c.close?.("shutdown");
  }

  add(connection: StreamConnection): () => void {
    this.#connections.add(connection);
    return () => this.#connections.delete(connection);
  }

  get size(): number {
    return this.#connections.size;
  }

  /** Streams subscribed to over all connections (a WebSocket subscribes after it opens). */
  get subscriptionCount(): number {
    let n = 0;
    for (const c of this.#connections) n += c.subscriptions.size;
    return n;
  }

  async #dispatch(event: DomainEvent): Promise<void> {
    if (this.#connections.size === 0 || this.#closed) return;
    if (isAnnouncementEvent(event)) {
      const message = await announcementMessage(this.#options, event);
      if (message) this.#toSignedIn(message.event, message.payload);
      return;
    }
    switch (event.type) {
      case "status.created":
        return await this.#statusCreated(event.statusId);
      case "status.updated":
      case "status.card_attached":
        return await this.#statusUpdated(event.statusId);
      case "status.deleted":
      case "reblog.undone":
        return this.#deleted(event.statusId);
      case "notification.created":
        return await this.#notification(
          event.notificationId,
          event.recipientId,
        );
      case "conversation.updated":
        return await this.#conversation(event.conversationId, event.accountId);
      case "token.revoked":
        return this.#revoked(new Set(event.tokenIds));
    }
  }

  /** Announcements go to every signed-in `user` stream. */
  #toSignedIn(event: string, payload: string) {
    for (const c of this.#connections) {
      if (!c.accountId) continue;
      for (const s of c.subscriptions.values()) {
        if (s.stream === "user") {
          c.send({ stream: streamArray(s), event, payload });
        }
      }
    }
  }

  /** A revoked token's connections end at once, not at the client's next reconnect. */
  #revoked(tokenIds: Set<string>) {
    for (const c of this.#connections) {
      if (c.tokenId && tokenIds.has(c.tokenId)) {
        this.#connections.delete(c);
        c.close?.("revoked");
      }
    }
  }

  /** Mastodon's `direct` stream carries `conversation` events with the Conversation entity. */
  async #conversation(conversationId: string, accountId: string) {
    const targets = [...this.#connections].filter((c) =>
      c.accountId === accountId &&
      [...c.subscriptions.values()].some((s) => s.stream === "direct")
    );
    if (targets.length === 0) return;
    const { sql, origin } = this.#options;
    const row = await findConversation(sql, accountId, conversationId);
    if (!row) return;
    const payload = JSON.stringify(
      await renderConversation({ sql, origin, viewerId: accountId }, row),
    );
    for (const c of targets) {
      for (const s of c.subscriptions.values()) {
        if (s.stream === "direct") {
          c.send({ stream: streamArray(s), event: "conversation", payload });
        }
      }
    }
  }

  #deleted(statusId: string) {
    for (const c of this.#connections) {
      for (const s of c.subscriptions.values()) {
        if (s.stream === "user:notification" || s.stream === "direct") continue;
        c.send({ stream: streamArray(s), event: "delete", payload: statusId });
      }
    }
  }

  async #notification(notificationId: string, recipientId: string) {
    const targets = [...this.#connections].filter((c) =>
      c.accountId === recipientId &&
      [...c.subscriptions.values()].some((s) =>
        s.stream === "user" || s.stream === "user:notification"
      )
    );
    if (targets.length === 0) return;
    const { sql, origin } = this.#options;
    const rows = await findNotificationsByIds(sql, [notificationId]);
    // As the notifications API: nothing about a status the recipient may not see (e.g. a
    // mention by an author who blocks them).
    const statusId = rows[0]?.status_id;
    const status = statusId ? await findStatusById(sql, statusId) : null;
    if (
      statusId &&
      (!status ||
        !(await isVisibleTo(sql, { accountId: recipientId }, status)))
    ) return;
    const [body] = await renderNotifications({
      sql,
      origin,
      viewerId: recipientId,
    }, rows);
    if (!body) return;
    const payload = JSON.stringify(body);
    for (const c of targets) {
      for (const s of c.subscriptions.values()) {
        if (s.stream === "user" || s.stream === "user:notification") {
          c.send({ stream: streamArray(s), event: "notification", payload });
        }
      }
    }
  }

  /** Which of this process's subscriptions a new status belongs to. */
  async #audience(statusId: string) {
    const { sql } = this.#options;
    const status = await findStatusById(sql, statusId);
    if (!status) return null;
    const connections = [...this.#connections];
    const userIds = [
      ...new Set(
        connections.flatMap((c) =>
          c.accountId &&
            [...c.subscriptions.values()].some((s) => s.stream === "user")
            ? [c.accountId]
            : []
        ),
      ),
    ];
    const listIds = [
      ...new Set(
        connections.flatMap((c) =>
          [...c.subscriptions.values()].flatMap((s) =>
            s.stream === "list" && s.param ? [s.param] : []
          )
        ),
      ),
    ];
    const wantsTags = connections.some((c) =>
      [...c.subscriptions.values()].some((s) => s.stream.startsWith("hashtag"))
    );
    const wantsMedia = connections.some((c) =>
      [...c.subscriptions.values()].some((s) => s.stream.endsWith(":media"))
    );
    const [holders, lists, tags, media] = await Promise.all([
      feedHolders(sql, status.id, userIds),
      listsIncluding(sql, listIds, status.account_id),
      wantsTags
        ? sql<
          { name: string }[]
        >`SELECT t.name FROM statuses_tags st JOIN tags t
                                  ON t.id = st.tag_id WHERE st.status_id = ${status.id}`
        : [],
      wantsMedia
        ? sql`SELECT 1 FROM media_attachments WHERE status_id = ${status.id} LIMIT 1`
        : [],
    ]);
    return {
      status,
      holders: new Set(holders),
      lists: new Set(lists),
      tags: new Set(tags.map((t) => t.name)),
      hasMedia: media.length > 0,
    };
  }

  async #statusCreated(statusId: string) {
    const audience = await this.#audience(statusId);
    if (!audience) return;
    const { status, holders, lists, tags, hasMedia } = audience;
    const isPublic = status.visibility === "public" && !status.reblog_of_id;
    const matches = (c: StreamConnection, s: Subscription): boolean => {
      switch (s.stream) {
        case "user":
          return c.accountId !== null && holders.has(c.accountId);
        case "public":
          return isPublic;
        case "public:local":
          return isPublic && status.local;
        case "public:remote":
          return isPublic && !status.local;
        case "public:media":
          return isPublic && hasMedia;
        case "public:local:media":
          return isPublic && status.local && hasMedia;
        case "public:remote:media":
          return isPublic && !status.local && hasMedia;
        case "hashtag":
          return isPublic && tags.has(s.param ?? "");
        case "hashtag:local":
          return isPublic && status.local && tags.has(s.param ?? "");
        case "list":
          return lists.has(s.param ?? "");
        case "direct":
          return false; // `conversation` events instead (see #conversation)
        default:
          return false;
      }
    };
    await this.#sendStatus(status, "update", matches);
  }

  async #statusUpdated(statusId: string) {
    const audience = await this.#audience(statusId);
    if (!audience) return;
    const { status } = audience;
    await this.#sendStatus(
      status,
      "status.update",
      (_c, s) =>
        s.stream === "user" ||
        (s.stream.startsWith("public") && status.visibility === "public"),
    );
  }

  /** Sends to the viewers the visibility rule lets see it, each with their own flags. */
  async #sendStatus(
    status: NonNullable<Awaited<ReturnType<typeof findStatusById>>>,
    event: string,
    matches: (c: StreamConnection, s: Subscription) => boolean,
  ) {
    const { sql, origin } = this.#options;
    const byViewer = new Map<
      string | null,
      { c: StreamConnection; s: Subscription }[]
    >();
    for (const c of this.#connections) {
      for (const s of c.subscriptions.values()) {
        if (!matches(c, s)) continue;
        const list = byViewer.get(c.accountId) ?? [];
        list.push({ c, s });
        byViewer.set(c.accountId, list);
      }
    }
    const original = status.reblog_of_id
      ? await findStatusById(sql, status.reblog_of_id)
      : null;
    if (status.reblog_of_id && !original) return;
    // One visibility query and one render for all viewers; only the flags differ per viewer.
    const viewerIds = [...byViewer.keys()];
    let allowed = await viewersWhoSee(sql, viewerIds, status);
    if (original) allowed = await viewersWhoSee(sql, [...allowed], original);
    if (allowed.size === 0) return;
    const signedIn = [...allowed].filter((id): id is string => id !== null);
    const [rendered, filters] = await Promise.all([
      renderStatusForViewers({ sql, origin }, status, [...allowed]),
      event === "update" ? loadViewersFilters(sql, signedIn) : new Map(),
    ]);
    for (const [viewerId, targets] of byViewer) {
      const json = rendered.get(viewerId);
      if (!json) continue;
      // Each stream's filter context, as the API's timelines: home for user and list
      // streams, public for public and hashtag ones.
      const payloads = new Map<string, string | null>();
      for (const { c, s } of targets) {
        const context = filterContextOf(s);
        let payload = payloads.get(context ?? "");
        if (payload === undefined) {
          const shown = viewerId && context
            ? applyFilters(
              json,
              status,
              original ?? status,
              inContext(filters.get(viewerId) ?? [], context),
              viewerId,
            )
            : json;
          payload = shown ? JSON.stringify(shown) : null;
          payloads.set(context ?? "", payload);
        }
        if (payload) c.send({ stream: streamArray(s), event, payload });
      }
    }
  }
}

function filterContextOf(s: Subscription): FilterContext | null {
  if (s.stream === "user" || s.stream === "list") return "home";
  if (s.stream.startsWith("public") || s.stream.startsWith("hashtag")) {
    return "public";
  }
  return null;
}

function streamed(event: DomainEvent): boolean {
  return event.type === "status.created" || event.type === "status.updated" ||
    event.type === "status.card_attached" ||
    event.type === "status.deleted" || event.type === "reblog.undone" ||
    event.type === "notification.created" ||
    event.type === "conversation.updated" || event.type === "token.revoked" ||
    isAnnouncementEvent(event);
}

/** Mastodon's `stream` array: `["hashtag", "foo"]`, `["list", "12"]`, `["user"]`. */
export function streamArray(s: Subscription): string[] {
  return s.param ? [s.stream, s.param] : [s.stream];
}

/** Parses a stream request (`stream`, `tag`, `list`); null when unknown or incomplete. */
export function parseSubscription(
  stream: string | null | undefined,
  tag?: string | null,
  list?: string | null,
): Subscription | null {
  if (!stream || !(STREAM_NAMES as readonly string[]).includes(stream)) {
    return null;
  }
  const name = stream as StreamName;
  if (name.startsWith("hashtag")) {
    const t = tag?.replace(/^#/, "").normalize("NFKC").toLowerCase();
    return t ? { stream: name, param: t } : null;
  }
  if (name === "list") {
    return list && /^\d{1,19}$/.test(list)
      ? { stream: name, param: list }
      : null;
  }
  return { stream: name };
}

/** Streams that need a signed-in user. */
export function needsUser(s: Subscription): boolean {
  return s.stream === "user" || s.stream === "user:notification" ||
    s.stream === "list" ||
    s.stream === "direct";
}
