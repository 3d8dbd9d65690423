/**
 * Mastodon's rate limits, counted in fixed windows in this process's memory (a request costs a
 * map lookup, not a database write). With several processes behind a balancer each counts its
 * own share, which is the same trade-off Mastodon's per-node Rack::Attack makes with a local cache.
 */
export interface Limit {
  name: string;
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  api: { name: "api", max: 300, windowSeconds: 300 },
  signUp: { name: "sign_up", max: 5, windowSeconds: 1800 },
  signIn: { name: "sign_in", max: 25, windowSeconds: 300 },
  media: { name: "media", max: 30, windowSeconds: 1800 },
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

export function rateLimitHeaders(
  decision: RateDecision,
): Record<string, string> {
  return {
    "x-ratelimit-limit": String(decision.limit),
    "x-ratelimit-remaining": String(decision.remaining),
    "x-ratelimit-reset": decision.reset.toISOString(),
  };
}

/** Which limits a request counts against, and under which keys. */
export function limitsFor(
  req: Request,
  url: URL,
  client: { address: string; token: string | null },
): [Limit, string][] {
  const path = url.pathname;
  const post = req.method === "POST";
  const checks: [Limit, string][] = [];
  if (path.startsWith("/api/")) {
    checks.push([
      LIMITS.api,
      client.token ? `token:${client.token}` : `ip:${client.address}`,
    ]);
  }
  if (post && (path === "/auth/sign_up" || path === "/api/v1/accounts")) {
    checks.push([LIMITS.signUp, `ip:${client.address}`]);
  }
  if (post && (path === "/auth/sign_in" || path === "/oauth/token")) {
    checks.push([LIMITS.signIn, `ip:${client.address}`]);
  }
  if (post && (path === "/api/v1/media" || path === "/api/v2/media")) {
    checks.push([
      LIMITS.media,
      client.token ? `token:${client.token}` : `ip:${client.address}`,
    ]);
  }
  return checks;
}
