/**
 * The streaming API's two transports: a WebSocket at `/api/v1/streaming` (subscribe and
 * unsubscribe messages, or `?stream=`) and server-sent events at `/api/v1/streaming/<stream>`.
 * The token may come from `access_token`, `Authorization`, or `Sec-WebSocket-Protocol` — which
 * must then be echoed back, or browsers drop the connection.
 */
import type { Deps } from "../deps.ts";
import { findList } from "../db/lists.ts";
import { authenticateRequest, requireScope } from "./auth.ts";
import { ApiError, json } from "./errors.ts";
import {
  needsUser,
  parseSubscription,
  streamArray,
  type StreamConnection,
  type Subscription,
  subscriptionKey,
} from "./streaming.ts";

const HEARTBEAT_MS = 15_000;

async function streamingViewer(
  deps: Deps,
  req: Request,
  url: URL,
  protocolToken: string | null,
) {
  let probe = req;
  if (
    protocolToken && !req.headers.get("authorization") &&
    !url.searchParams.has("access_token")
  ) {
    probe = new Request(url, {
      headers: { authorization: `Bearer ${protocolToken}` },
    });
  }
  const auth = await authenticateRequest(deps, probe);
  if (!auth) return { accountId: null, tokenId: null };
  requireScope(auth, "read:statuses", "read:notifications");
  return { accountId: auth.account?.id ?? null, tokenId: auth.tokenId };
}

/** Checks that the viewer may subscribe (signed in for personal streams, owns the list). */
async function admissible(
  deps: Deps,
  viewerId: string | null,
  s: Subscription,
) {
  if (needsUser(s) && !viewerId) return "Missing access token";
  if (s.stream === "list" && !(await findList(deps.sql, viewerId!, s.param!))) {
    return "No such list";
  }
  return null;
}

export function isWebSocketUpgrade(req: Request): boolean {
  return req.headers.get("upgrade")?.toLowerCase() === "websocket";
}

export async function openWebSocket(
  deps: Deps,
  req: Request,
  url: URL,
): Promise<Response> {
  const protocol =
    req.headers.get("sec-websocket-protocol")?.split(",")[0].trim() || null;
  const { accountId: viewerId, tokenId } = await streamingViewer(
    deps,
    req,
    url,
    protocol,
  );
  const first = url.searchParams.get("stream")
    ? parseSubscription(
      url.searchParams.get("stream"),
      url.searchParams.get("tag"),
      url.searchParams.get("list"),
    )
    : null;
  if (url.searchParams.get("stream") && !first) {
    throw new ApiError(400, "Unknown stream type");
  }
  if (first) {
    const problem = await admissible(deps, viewerId, first);
    if (problem) {
      throw new ApiError(problem === "No such list" ? 404 : 401, problem);
    }
  }
  const { socket, response } = Deno.upgradeWebSocket(
    req,
    protocol ? { protocol, idleTimeout: 60 } : { idleTimeout: 60 },
  );
  const connection: StreamConnection = {
    accountId: viewerId,
    tokenId,
    subscriptions: new Map(),
    send(message) {
      if (socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
      }
    },
    close(reason) {
      if (socket.readyState > WebSocket.OPEN) return;
      if (reason === "revoked") socket.close(4401, "Access token revoked");
      else socket.close(1001, "Server shutting down"); // 1001: going away
    },
  };
  if (first) connection.subscriptions.set(subscriptionKey(first), first);
  let remove: (() => void) | null = null;
  socket.onopen = () => {
    remove = deps.streams.add(connection);
  };
  socket.onclose = () => remove?.();
  socket.onerror = () => remove?.();
  socket.onmessage = async (message) => {
    let data: { type?: string; stream?: string; tag?: string; list?: string };
    try {
      data = JSON.parse(String(message.data));
    } catch {
      return socket.send(
        JSON.stringify({ error: "Invalid JSON", status: 400 }),
      );
    }
    if (data.type !== "subscribe" && data.type !== "unsubscribe") return;
    const s = parseSubscription(data.stream, data.tag, data.list);
    if (!s) {
      return socket.send(
        JSON.stringify({ error: "Unknown stream type", status: 400 }),
      );
    }
    if (data.type === "unsubscribe") {
      connection.subscriptions.delete(subscriptionKey(s));
      return;
    }
    const problem = await admissible(deps, viewerId, s);
    if (problem) {
      return socket.send(JSON.stringify({ error: problem, status: 401 }));
    }
    connection.subscriptions.set(subscriptionKey(s), s);
  };
  return response;
}

/** Maps `/api/v1/streaming/<path>` (e.g. `public/local`, `hashtag`) to a stream name. */
export function streamFromPath(path: string): string {
  return path.replace(/^\/+|\/+$/g, "").replaceAll("/", ":");
}

export async function openEventStream(
  deps: Deps,
  req: Request,
  url: URL,
  streamName: string,
): Promise<Response> {
  const { accountId: viewerId, tokenId } = await streamingViewer(
    deps,
    req,
    url,
    null,
  );
  const s = parseSubscription(
    streamName,
    url.searchParams.get("tag"),
    url.searchParams.get("list"),
  );
  if (!s) return json({ error: "Unknown stream type" }, { status: 400 });
  const problem = await admissible(deps, viewerId, s);
  if (problem) {
    return json({ error: problem }, {
      status: problem === "No such list" ? 404 : 401,
    });
  }
  const encoder = new TextEncoder();
  let remove: (() => void) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const cleanup = () => {
        clearInterval(heartbeat);
        remove?.();
      };
      const connection: StreamConnection = {
        accountId: viewerId,
        tokenId,
        subscriptions: new Map([[subscriptionKey(s), s]]),
        send(message) {
          write(`event: ${message.event}\ndata: ${message.payload}\n\n`);
        },
        close() {
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        },
      };
      remove = deps.streams.add(connection);
      write(":)\n");
      heartbeat = setInterval(() => write(":thump\n"), HEARTBEAT_MS);
    },
    cancel() {
      clearInterval(heartbeat);
      remove?.();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
}

export { streamArray };
