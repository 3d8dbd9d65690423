/**
 * What a kind of job is: its name, how its payload is checked, its retry policy and its
 * handler. Definitions are plain values; the composition root (`lib/server.ts`) puts the ones
 * it runs into a `JobRegistry` — nothing registers itself at import time.
 */

export interface RetryPolicy {
  /** Milliseconds to wait after failed attempt number `attempt` (1-based). */
  backoff(attempt: number): number;
  /** Attempts before the job is parked. */
  maxAttempts: number;
  /** Age (since the job was written) after which a failure parks it instead of retrying. */
  maxAgeMs?: number;
  /** An error no retry can fix (a bug, a row that no longer makes sense): park at once. */
  isPermanent?(error: unknown): boolean;
}

export interface JobDefinition<P, C> {
  readonly kind: string;
  /** Checks a payload (on enqueue and again when read back); throws if it is malformed. */
  parse(value: unknown): P;
  readonly retry: RetryPolicy;
  /** Does the work. Throwing means "failed": retried per `retry`, or parked. */
  handler(context: C, payload: P): Promise<void>;
  /**
   * A schedule instead of a one-off: one job of this kind exists across all processes (made
   * when a runner starts, payload `{}`), and it runs every `everyMs`. After a success, or a
   * failure past its retries (logged, kept in `last_error`), it waits for its next run rather
   * than being deleted or parked.
   */
  readonly everyMs?: number;
}

/**
 * Thrown by a handler when the other side said when to come back (an HTTP `Retry-After`): the
 * job is retried after `delayMs` instead of its backoff; attempts and age still count.
 */
export class RetryLater extends Error {
  constructor(message: string, readonly delayMs: number) {
    super(message);
    this.name = "RetryLater";
  }
}

export function defineJob<P, C>(
  definition: JobDefinition<P, C>,
): JobDefinition<P, C> {
  return definition;
}

/** `initialMs`, doubling each attempt, at most `maxMs`. */
export function exponentialBackoff(
  initialMs: number,
  maxMs: number,
): (attempt: number) => number {
  return (attempt) =>
    Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}

export class JobRegistry<C> {
  // deno-lint-ignore no-explicit-any
  readonly #kinds = new Map<string, JobDefinition<any, C>>();

  // deno-lint-ignore no-explicit-any
  constructor(definitions: JobDefinition<any, C>[]) {
    for (const d of definitions) {
      if (this.#kinds.has(d.kind)) {
        throw new Error(`job kind ${d.kind} is defined twice`);
      }
      this.#kinds.set(d.kind, d);
    }
  }

  // deno-lint-ignore no-explicit-any
  get(kind: string): JobDefinition<any, C> | undefined {
    return this.#kinds.get(kind);
  }

  /** The scheduled kinds, with their periods. */
  schedules(): { kind: string; everyMs: number }[] {
    return [...this.#kinds.values()].flatMap((d) =>
      d.everyMs ? [{ kind: d.kind, everyMs: d.everyMs }] : []
    );
  }
}
