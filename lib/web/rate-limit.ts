/**
 * Mastodon's rate limits, counted in fixed windows in this process's memory (a request costs a
 * map lookup, not a database write). With several processes behind a balancer each counts its
 * own share, which is the same trade-off Mastodon's per-node Rack::Attack makes with a local cache.
 *
 * Most limits are decided at the door from the path, the token and the client's address. Two
 * need what only a later step knows: the token's user (the API's authentication resolves it, so
 * counting there costs no query) and the account a sign-in form names. The door remembers each
 * request it metered; those steps count against it, and loopback requests stay exempt.
 */
import { clientAddress, isLoopback } from "./client-ip.ts";

export interface Limit {
  name: string;
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  /** Per token, or per address for requests without one. */
  api: { name: "api", max: 300, windowSeconds: 300 },
  /** Per user, across all their tokens. */
  apiUser: { name: "api_user", max: 1500, windowSeconds: 300 },
  signUp: { name: "sign_up", max: 5, windowSeconds: 1800 },
  /** Per address and, separately, per account named. */
  signIn: { name: "sign_in", max: 25, windowSeconds: 300 },
  /** Per user. */
  media: { name: "media", max: 30, windowSeconds: 1800 },
  /** Per address: asking for a password reset or a confirmation mail (each sends a mail). */
  mail: { name: "mail", max: 5, windowSeconds: 1800 },
  /** Per address: a visitor's handle looked up on its server (`/interact`, remote interaction). */
  remoteLookup: { name: "remote_lookup", max: 30, windowSeconds: 300 },
} satisfies Record<string, Limit>;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the window ends. */
  reset: Date;
}

export class RateLimiter {
  #windows = new Map<string, { count: number; endsAt: number }>();
  #lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  hit(limit: Limit, key: string): RateDecision {
    const now = this.now();
    this.#sweep(now);
    const id = `${limit.name}:${key}`;
    let window = this.#windows.get(id);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + limit.windowSeconds * 1000 };
      this.#windows.set(id, window);
    }
    window.count++;
    return {
      allowed: window.count <= limit.max,
      limit: limit.max,
      remaining: Math.max(0, limit.max - window.count),
      reset: new Date(window.endsAt),
    };
  }

  /** Drops ended windows now and then, so memory stays bounded by active clients. */
  #sweep(now: number) {
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    for (const [id, window] of this.#windows) {
      if (window.endsAt <= now) this.#windows.delete(id);
    }
  }
}

/** X-RateLimit-Limit/-Remaining/-Reset, and Retry-After (seconds) once the limit is reached. */
export function rateLimitHeaders(
  decision: RateDecision,
  now = Date.now(),
): Record<string, string> {
  const headers: Record<string, string> = {
    "x-ratelimit-limit": String(decision.limit),
    "x-ratelimit-remaining": String(decision.remaining),
    "x-ratelimit-reset": decision.reset.toISOString(),
  };
  if (!decision.allowed) {
    headers["retry-after"] = String(
      Math.max(1, Math.ceil((decision.reset.getTime() - now) / 1000)),
    );
  }
  return headers;
}

/** The JSON 429 every limit answers with (the sign-in form renders its own page instead). */
export function tooManyRequests(decision: RateDecision): Response {
  return Response.json({ error: "Too many requests" }, {
    status: 429,
    headers: rateLimitHeaders(decision),
  });
}

/** Requests that mail someone (lib/mail): limited, so nobody floods an inbox through us. */
const MAILING_PATHS = new Set([
  "/auth/password/new",
  "/auth/confirmation",
  "/api/v1/emails/confirmations",
]);

/** Which door limits a request counts against, and under which keys. */
export function limitsFor(
  req: Request,
  url: URL,
  client: { address: string; token: string | null },
): [Limit, string][] {
  const path = url.pathname;
  const checks: [Limit, string][] = [];
  if (path.startsWith("/api/")) {
    checks.push([
      LIMITS.api,
      client.token ? `token:${client.token}` : `ip:${client.address}`,
    ]);
  }
  if (
    req.method === "POST" &&
    (path === "/auth/sign_up" || path === "/api/v1/accounts")
  ) {
    checks.push([LIMITS.signUp, `ip:${client.address}`]);
  }
  if (req.method === "POST" && MAILING_PATHS.has(path)) {
    checks.push([LIMITS.mail, `ip:${client.address}`]);
  }
  if (req.method === "POST" && path === "/interact") {
    checks.push([LIMITS.remoteLookup, `ip:${client.address}`]);
  }
  return checks;
}

/** Limits keyed by the token's user, once the API knows it. */
function userLimitsFor(req: Request, path: string): Limit[] {
  const media = req.method === "POST" &&
    (path === "/api/v1/media" || path === "/api/v2/media");
  return media ? [LIMITS.apiUser, LIMITS.media] : [LIMITS.apiUser];
}

interface MeteredRequest {
  address: string;
  path: string;
  decisions: RateDecision[];
  userCounted: boolean;
}

/** The rate limits of one Starling process, applied to the requests it serves. */
export class RateLimits {
  readonly #counter: RateLimiter;
  /** Requests in flight that are not exempt; gone with the request. */
  readonly #metered = new WeakMap<Request, MeteredRequest>();

  constructor(
    private readonly trustedProxies: string[],
    now: () => number = Date.now,
  ) {
    this.#counter = new RateLimiter(now);
  }

  /**
   * At the door: the limits the path, token and address decide. Returns the 429 to answer with,
   * or null to go on.
   */
  admit(
    req: Request,
    url: URL,
    info: Deno.ServeHandlerInfo | undefined,
    token: string | null,
  ): Response | null {
    const address = clientAddress(req, info, this.trustedProxies);
    if (isLoopback(address)) return null;
    const metered: MeteredRequest = {
      address,
      path: url.pathname,
      decisions: [],
      userCounted: false,
    };
    this.#metered.set(req, metered);
    for (const [limit, key] of limitsFor(req, url, { address, token })) {
      const denied = this.#hit(metered, limit, key);
      if (denied) return tooManyRequests(denied);
    }
    return null;
  }

  /**
   * The API resolved the request's token to `userId`: counts the per-user limits (once per
   * request). Returns the decision that refuses the request, or null.
   */
  countUser(req: Request, userId: string): RateDecision | null {
    const metered = this.#metered.get(req);
    if (!metered || metered.userCounted) return null;
    metered.userCounted = true;
    for (const limit of userLimitsFor(req, metered.path)) {
      const denied = this.#hit(metered, limit, `user:${userId}`);
      if (denied) return denied;
    }
    return null;
  }

  /**
   * Files uploaded outside the media API (the web compose form, several to a request): each
   * counts against the user's media limit, as one API upload would. Returns the decision that
   * refuses them, or null.
   */
  countMediaUploads(
    req: Request,
    userId: string,
    files: number,
  ): RateDecision | null {
    const metered = this.#metered.get(req);
    if (!metered) return null;
    for (let i = 0; i < files; i++) {
      const denied = this.#hit(metered, LIMITS.media, `user:${userId}`);
      if (denied) return denied;
    }
    return null;
  }

  /**
   * A sign-in attempt for `login` (username or email): counted per address and per account
   * named, so neither many addresses nor many accounts get more guesses. Returns the decision
   * that refuses it, or null.
   */
  countSignIn(req: Request, login: string): RateDecision | null {
    const metered = this.#metered.get(req);
    if (!metered) return null;
    return this.#hit(metered, LIMITS.signIn, `ip:${metered.address}`) ??
      this.#hit(
        metered,
        LIMITS.signIn,
        `login:${login.trim().toLowerCase()}`,
      );
  }

  /** The request's tightest limit, as X-RateLimit-* headers on its response. */
  decorate(req: Request, response: Response): Response {
    const decisions = this.#metered.get(req)?.decisions ?? [];
    if (decisions.length === 0 || response.headers.has("x-ratelimit-limit")) {
      return response;
    }
    const tightest = decisions.reduce((a, b) =>
      b.remaining < a.remaining ? b : a
    );
    try {
      for (const [name, value] of Object.entries(rateLimitHeaders(tightest))) {
        response.headers.set(name, value);
      }
    } catch { /* immutable headers (a fetched Response) */ }
    return response;
  }

  #hit(metered: MeteredRequest, limit: Limit, key: string) {
    const decision = this.#counter.hit(limit, key);
    metered.decisions.push(decision);
    return decision.allowed ? null : decision;
  }
}
