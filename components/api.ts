/**
 * The browser side of the islands: calls the Mastodon API with the signed-in session's access
 * token (read from `<meta name="starling-token">`; the API authenticates by bearer token only),
 * and a tiny page-wide event channel so one island can hand a new status to another.
 */
import { pageMeta, type UiStatus } from "./mastodon.ts";

export class ApiCallError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function api<T>(
  path: string,
  /** `token`: another token than the page's (the browser notifications' push token). */
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const token = init.token ?? pageMeta("starling-token");
  if (token) headers.authorization = `Bearer ${token}`;
  // A FormData body (a file upload) goes as multipart; anything else as JSON.
  const multipart = init.body instanceof FormData;
  if (init.body !== undefined && !multipart) {
    headers["content-type"] = "application/json";
  }
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined
      ? undefined
      : multipart
      ? init.body as FormData
      : JSON.stringify(init.body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch { /* not JSON */ }
  if (!response.ok) {
    const message = (json as { error?: string } | null)?.error ??
      `Request failed (${response.status})`;
    throw new ApiCallError(response.status, message);
  }
  return json as T;
}

/** One page of a paged API list, and the path of the next (older) page from `Link`. */
export async function apiPage<T>(
  path: string,
): Promise<{ items: T[]; next: string | null }> {
  const headers: Record<string, string> = { accept: "application/json" };
  const token = pageMeta("starling-token");
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers });
  if (!response.ok) {
    throw new ApiCallError(
      response.status,
      `Couldn't load more (${response.status})`,
    );
  }
  const items = await response.json() as T[];
  const link = /<([^>]+)>;\s*rel="next"/.exec(
    response.headers.get("link") ?? "",
  );
  let next: string | null = null;
  if (link) {
    const url = new URL(link[1], location.href);
    next = url.pathname + url.search;
  }
  return { items, next };
}

const NEW_STATUSES = "starling:new-statuses";

/** Tells the timeline on this page to show these statuses at its top. */
export function announceStatuses(statuses: UiStatus[]): void {
  document.dispatchEvent(new CustomEvent(NEW_STATUSES, { detail: statuses }));
}

export function onNewStatuses(
  listener: (statuses: UiStatus[]) => void,
): () => void {
  const handle = (event: Event) =>
    listener((event as CustomEvent<UiStatus[]>).detail);
  document.addEventListener(NEW_STATUSES, handle);
  return () => document.removeEventListener(NEW_STATUSES, handle);
}

/** `wss://host/api/v1/streaming?stream=…` for the page's own origin. */
export function streamingUrl(stream: string): string {
  const url = new URL("/api/v1/streaming", location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  // `hashtag&tag=cats` is a stream name plus its parameters, each its own query parameter.
  for (const [name, value] of new URLSearchParams(`stream=${stream}`)) {
    url.searchParams.append(name, value);
  }
  return url.href;
}
