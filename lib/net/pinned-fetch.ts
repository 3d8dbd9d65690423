/**
 * `pinnedFetch`: the one way Starling makes an outgoing request to a remote server: GETs for
 * documents, keys and WebFinger, and the POSTs of deliveries (Fedify's sender is routed here by
 * `pinned-delivery.ts`). Resolving a host name once to check it and letting `fetch` resolve it
 * again to connect leaves a gap: a hostile DNS server answers a public address to the check and
 * `127.0.0.1` to the connection (DNS rebinding). Here the host is resolved exactly once, inside
 * the socket's own `lookup`, every address it resolves to is checked (`public-address.ts`), and
 * the socket connects to the address that was checked. TLS still verifies the certificate
 * against the URL's host name (node:https uses it for SNI and verification).
 *
 * Also: http(s) only (no `data:`, `file:`), `localhost` refused by name, a connect timeout
 * (5 s), a total timeout covering the body (30 s), a body size cap. Redirects are not
 * followed here: callers follow them hop by hop (`fetchFollowingRedirects`, Fedify's
 * double knock for deliveries), so every hop is checked the same way.
 */
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import {
  isPrivateAddress,
  type Resolver,
  systemResolve,
} from "./public-address.ts";

export type { Resolver } from "./public-address.ts";

export interface PinnedFetchOptions {
  /** Connect to loopback/private addresses too (tests, local development). */
  allowPrivateAddress: boolean;
  /** Defaults to the system resolver; injectable so tests can play a rebinding DNS server. */
  resolve?: Resolver;
  connectTimeoutMs?: number;
  /** From the start of the request to the last byte of the body. */
  timeoutMs?: number;
  /** Largest body; reading past it fails with `FetchRefused`. */
  maxBytes?: number;
  signal?: AbortSignal;
}

export const CONNECT_TIMEOUT_MS = 5_000;
export const TOTAL_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export class FetchRefused extends Error {
  constructor(url: URL | string, readonly reason: string) {
    super(`${url}: ${reason}`);
    this.name = "FetchRefused";
  }
}

/** Refuses what may not be connected to before any resolution happens. */
function checkUrl(url: URL, allowPrivateAddress: boolean): void {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new FetchRefused(url, "not http(s)");
  }
  if (allowPrivateAddress) return;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) {
    throw new FetchRefused(url, "not a public address");
  }
  // An IP literal is connected to without a lookup.
  if (isIP(host) && isPrivateAddress(host)) {
    throw new FetchRefused(url, "not a public address");
  }
}

type LookupCallback = (
  error: Error | null,
  address: string | { address: string; family: number }[],
  family?: number,
) => void;

/** A socket `lookup` that resolves once, checks every address, and answers the checked one. */
function pinnedLookup(url: URL, options: PinnedFetchOptions) {
  const resolve = options.resolve ?? systemResolve;
  return (
    hostname: string,
    lookupOptions: { all?: boolean } | number | LookupCallback,
    maybeCallback?: LookupCallback,
  ) => {
    const callback = typeof lookupOptions === "function"
      ? lookupOptions
      : maybeCallback!;
    const all = typeof lookupOptions === "object" && lookupOptions?.all;
    resolve(hostname).then((addresses) => {
      if (addresses.length === 0) {
        throw new FetchRefused(url, `${hostname} does not resolve`);
      }
      if (
        !options.allowPrivateAddress && addresses.some(isPrivateAddress)
      ) {
        throw new FetchRefused(url, "not a public address");
      }
      const address = addresses[0];
      const family = isIP(address) === 6 ? 6 : 4;
      if (all) callback(null, [{ address, family }]);
      else callback(null, address, family);
    }).catch((error) => callback(error, ""));
  };
}

function requestOnce(
  url: URL,
  init: { method: string; headers: Headers; body: Uint8Array | null },
  options: PinnedFetchOptions,
): Promise<Response> {
  checkUrl(url, options.allowPrivateAddress);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise<Response>((resolve, reject) => {
    // Set once the response is handed out: later failures (timeout, size) end its body.
    let bodyController: ReadableStreamDefaultController<Uint8Array> | null =
      null;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      done();
      req.destroy(error);
      reject(error);
      try {
        bodyController?.error(error);
      } catch { /* already closed */ }
    };
    const total = setTimeout(
      () => fail(new FetchRefused(url, "timed out")),
      options.timeoutMs ?? TOTAL_TIMEOUT_MS,
    );
    const connect = setTimeout(
      () => fail(new FetchRefused(url, "connect timed out")),
      options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    );
    const onAbort = () => fail(new FetchRefused(url, "aborted"));
    const done = () => {
      clearTimeout(total);
      clearTimeout(connect);
      options.signal?.removeEventListener("abort", onAbort);
    };
    const headers: Record<string, string> = {};
    init.headers.forEach((value, name) => headers[name] = value);
    if (init.body) headers["content-length"] = String(init.body.byteLength);
    const transport = url.protocol === "https:" ? https : http;
    const req = transport.request(url, {
      method: init.method,
      headers,
      lookup: pinnedLookup(url, options),
    } as http.RequestOptions);
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    req.on("socket", (socket) => {
      socket.once("connect", () => clearTimeout(connect));
    });
    req.on("error", (error) => fail(error));
    req.on("response", (res) => {
      clearTimeout(connect);
      const status = res.statusCode ?? 0;
      const responseHeaders = new Headers();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        responseHeaders.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
      }
      const declared = Number(responseHeaders.get("content-length"));
      if (Number.isFinite(declared) && declared > maxBytes) {
        return fail(new FetchRefused(url, "too large"));
      }
      const noBody = init.method === "HEAD" || status === 204 ||
        status === 304;
      let size = 0;
      const body = noBody ? null : new ReadableStream<Uint8Array>({
        start(controller) {
          bodyController = controller;
          // Deno's node compat may still emit after `destroy`: `failed` ends the stream once.
          res.on("data", (chunk: Uint8Array) => {
            if (failed || !bodyController) return;
            size += chunk.byteLength;
            if (size > maxBytes) {
              return fail(new FetchRefused(url, "too large"));
            }
            controller.enqueue(new Uint8Array(chunk));
          });
          res.on("end", () => {
            if (failed || !bodyController) return;
            done();
            bodyController = null;
            controller.close();
          });
          res.on("error", (error) => fail(error));
        },
        cancel() {
          bodyController = null;
          done();
          req.destroy();
        },
      });
      if (noBody) {
        done();
        res.resume();
      }
      let response: Response;
      try {
        response = new Response(body, { status, headers: responseHeaders });
      } catch {
        return fail(new FetchRefused(url, `HTTP ${status}`));
      }
      Object.defineProperty(response, "url", { value: url.href });
      resolve(response);
    });
    if (init.body) req.end(init.body);
    else req.end();
  });
}

/**
 * Sends `input` (GET, HEAD, or POST with its body) with the checks above. Redirects are returned
 * as they are: the caller follows them (each hop another `pinnedFetch`, so checked the same way)
 * and counts them. The returned response's `url` is the URL requested.
 */
export async function pinnedFetch(
  input: Request | URL | string,
  options: PinnedFetchOptions,
): Promise<Response> {
  const request = input instanceof Request ? input : new Request(input);
  const { method, headers } = request;
  if (method !== "GET" && method !== "HEAD" && method !== "POST") {
    throw new FetchRefused(request.url, `${method} not supported`);
  }
  const body = method === "POST"
    ? new Uint8Array(await request.arrayBuffer())
    : null;
  return await requestOnce(
    new URL(request.url),
    { method, headers, body },
    options,
  );
}
