/**
 * One WebSocket per stream for the whole page, shared by the islands that listen to it
 * (the new-posts banner and the notifications badge both use `user`). The access token travels
 * as `Sec-WebSocket-Protocol`, as Mastodon's web UI sends it. Reconnects with backoff.
 */
import { pageMeta } from "./mastodon.ts";
import { streamingUrl } from "./api.ts";

export interface StreamEvent {
  event: string;
  payload: unknown;
}

type Listener = (event: StreamEvent) => void;

const listeners = new Map<string, Set<Listener>>();
const sockets = new Map<string, WebSocket>();

function connect(stream: string, attempt = 0) {
  const token = pageMeta("starling-token");
  let socket: WebSocket;
  try {
    socket = token
      ? new WebSocket(streamingUrl(stream), token)
      : new WebSocket(streamingUrl(stream));
  } catch {
    return;
  }
  sockets.set(stream, socket);
  socket.addEventListener("open", () => {
    attempt = 0;
  });
  socket.addEventListener("message", (message) => {
    let data: { event?: string; payload?: string };
    try {
      data = JSON.parse(String(message.data));
    } catch {
      return;
    }
    if (!data.event) return;
    let payload: unknown = data.payload;
    if (typeof payload === "string") {
      try {
        payload = JSON.parse(payload);
      } catch { /* plain string payload (e.g. a deleted id) */ }
    }
    for (const listener of listeners.get(stream) ?? []) {
      listener({ event: data.event, payload });
    }
  });
  socket.addEventListener("close", () => {
    sockets.delete(stream);
    if (!listeners.get(stream)?.size || attempt >= 8) return;
    const delay = Math.min(30_000, 1000 * 2 ** attempt);
    setTimeout(() => connect(stream, attempt + 1), delay);
  });
}

/** Calls `listener` for every event of `stream`; returns the unsubscribe function. */
export function subscribe(stream: string, listener: Listener): () => void {
  let set = listeners.get(stream);
  if (!set) listeners.set(stream, set = new Set());
  set.add(listener);
  if (!sockets.has(stream)) connect(stream);
  return () => {
    set!.delete(listener);
    if (set!.size === 0) {
      sockets.get(stream)?.close();
      sockets.delete(stream);
    }
  };
}
