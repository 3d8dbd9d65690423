// The request context handed to middlewares, handlers and pages, plus the small
// value types that flow through it (HttpError, page()).
import type { VNode } from "preact";

/** Thrown anywhere in a request: renders the nearest `_error` page with `status`. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message?: string) {
    super(message ?? `HTTP ${status}`);
    this.name = "HttpError";
    this.status = status;
  }
}

export interface PageResponseInit {
  status?: number;
  headers?: HeadersInit;
}

/** What `page(data, init)` returns: "render this route's page with `data`". */
export interface PageResponse<Data> extends PageResponseInit {
  readonly data: Data;
  readonly __isPageResponse: true;
}

/** A handler returns `page(data)` to render the route's page component with `data`. */
export function page<Data = undefined>(
  data?: Data,
  init?: PageResponseInit,
): PageResponse<Data> {
  return {
    data: data as Data,
    status: init?.status,
    headers: init?.headers,
    __isPageResponse: true,
  };
}

export function isPageResponse(value: unknown): value is PageResponse<unknown> {
  return typeof value === "object" && value !== null &&
    (value as { __isPageResponse?: unknown }).__isPageResponse === true;
}

const DEFAULT_INFO: Deno.ServeHandlerInfo = {
  remoteAddr: { transport: "tcp", hostname: "0.0.0.0", port: 0 },
  completed: Promise.resolve(),
};

/** Renders `vnode` (or the route's page when omitted) inside layouts and `_app`. */
export type RenderFn = (
  vnode?: VNode | null,
  init?: PageResponseInit,
) => Promise<Response>;

export class Context<State> {
  readonly req: Request;
  readonly url: URL;
  readonly info: Deno.ServeHandlerInfo;
  /** Shared by all middlewares of one request; starts as `{}`. */
  state: State = {} as State;
  params: Record<string, string> = {};
  /** The matched route pattern, e.g. `/@:username/:id`; null when nothing matched. */
  route: string | null = null;
  /** The error being rendered by an `_error` page, otherwise null. */
  error: unknown = null;
  /** Calls the next middleware (or finally the route handler). Set by the app. */
  next: () => Promise<Response> = () =>
    Promise.reject(new Error("ctx.next() called outside a middleware"));
  /** Set by the app for the matched route. */
  render: RenderFn = () =>
    Promise.reject(new Error("ctx.render() called before routing"));

  constructor(req: Request, info?: Deno.ServeHandlerInfo) {
    this.req = req;
    this.url = new URL(req.url);
    this.info = info ?? DEFAULT_INFO;
  }

  /** A redirect that can never leave this site (see `sameSiteLocation`). */
  redirect(path: string, status = 302): Response {
    return new Response(null, {
      status,
      headers: { location: sameSiteLocation(path, this.url) },
    });
  }
}

/**
 * Turns any redirect target into a path on this site, so user-supplied
 * `?next=` values can't become open redirects: `//evil.com`, `/\evil.com` and
 * `https://evil.com/x` all collapse to a same-site path.
 */
export function sameSiteLocation(target: string, current: URL): string {
  // Browsers drop tabs/newlines inside URLs and treat `\` like `/`.
  // deno-lint-ignore no-control-regex
  let path = target.replace(/[\x00-\x1f\x7f]/g, "").replaceAll("\\", "/");
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(path);
    } catch { /* not a URL: treat as a path */ }
    if (parsed && parsed.origin === current.origin) {
      path = parsed.pathname + parsed.search + parsed.hash;
    } else if (
      parsed && (parsed.protocol === "http:" || parsed.protocol === "https:")
    ) {
      path = parsed.pathname + parsed.search + parsed.hash;
    } else {
      path = "/";
    }
  } else if (!path.startsWith("/")) {
    // A relative path ("edit", "?page=2"): resolve it against the current URL.
    const resolved = new URL(path, current);
    path = resolved.pathname + resolved.search + resolved.hash;
  }
  // Collapse leading slashes: "//evil.com" is protocol-relative.
  return "/" + path.replace(/^\/+/, "");
}
