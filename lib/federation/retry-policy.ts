/**
 * A Fedify `RetryPolicy` shaped like Mastodon's delivery retries.
 *
 * Fedify's default gives up after 10 attempts and ~17–34 minutes, so a peer
 * that is down over a lunch break loses our posts. Mastodon retries a delivery
 * 16 times over roughly two to three days (Sidekiq's `count**4 + 15 + jitter`
 * seconds); peers expect that patience, and so do our users.
 */
import type { RetryContext, RetryPolicy } from "@fedify/fedify";

/** Options for {@link createMastodonRetryPolicy}. */
export interface MastodonRetryPolicyOptions {
  /** Retries before giving up. Default 16, as Mastodon. */
  readonly maxRetries?: number;
  /** Longest single wait, in seconds (before scaling). Default 12 hours. */
  readonly maxDelaySeconds?: number;
  /**
   * Multiplies every wait, so tests and benchmarks can run the same schedule
   * compressed (`0.001` turns ~2.5 days into ~3.6 minutes). Default 1.
   */
  readonly scale?: number;
  /** Random spread between servers' retries. Default on. */
  readonly jitter?: boolean;
  /** Source of randomness in [0, 1), for tests. Default `Math.random`. */
  readonly random?: () => number;
}

/**
 * The wait in seconds (unscaled) before retry number `n` (1-based):
 * `n**4 + 15 + jitter`, jitter up to `30 * n` seconds, capped.
 *
 * Fedify's `attempts` counts failed attempts so far from 0, so retry `n`
 * follows `attempts = n - 1`. Counting from 1 rather than 0 keeps the span
 * inside 2–3 days once the 12 h cap bites on the last two waits (counting
 * from 0 it would be ~1.98–2.02 days).
 */
export function mastodonRetryDelaySeconds(
  n: number,
  options: MastodonRetryPolicyOptions = {},
): number {
  const cap = options.maxDelaySeconds ?? 12 * 60 * 60;
  const random = options.random ?? Math.random;
  const jitter = (options.jitter ?? true) ? random() * 30 * n : 0;
  return Math.min(n ** 4 + 15 + jitter, cap);
}

/** Creates the Mastodon-like retry policy; see {@link MastodonRetryPolicyOptions}. */
export function createMastodonRetryPolicy(
  options: MastodonRetryPolicyOptions = {},
): RetryPolicy {
  const maxRetries = options.maxRetries ?? 16;
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new RangeError("scale must be positive");
  return ({ attempts }: RetryContext) => {
    if (attempts >= maxRetries) return null;
    const seconds = mastodonRetryDelaySeconds(attempts + 1, options) * scale;
    return Temporal.Duration.from({ milliseconds: Math.round(seconds * 1000) });
  };
}
