/**
 * Our own closed-loop load driver: N workers, each issuing one request at a time in a loop for a
 * fixed duration, recording the latency of every request. The same driver runs HTTP requests and
 * bare SQL floors (any async operation), so both sides of a ratio are measured the same way.
 */
import { type LatencySummary, summarize } from "./stats.ts";

export interface LoadOptions {
  /** Concurrent workers (connections). */
  concurrency: number;
  /** Measured window, in seconds. */
  seconds: number;
  /** Unmeasured warm-up before the window, in seconds. */
  warmupSeconds?: number;
  /** Hard cap on requests per run: the loop is bounded in count as well as time. */
  maxOperations?: number;
}

/** One operation; resolve `false` (or throw) to count an error. `worker` and `i` vary inputs. */
export type Operation = (worker: number, i: number) => Promise<boolean | void>;

export async function runLoad(
  op: Operation,
  options: LoadOptions,
): Promise<LatencySummary> {
  const maxOps = options.maxOperations ?? 1_000_000;
  if (options.warmupSeconds) {
    await loop(op, options.concurrency, options.warmupSeconds, maxOps, null);
  }
  const latencies: number[] = [];
  const started = performance.now();
  const errors = await loop(
    op,
    options.concurrency,
    options.seconds,
    maxOps,
    latencies,
  );
  const elapsed = (performance.now() - started) / 1000;
  return summarize(latencies, errors, elapsed);
}

async function loop(
  op: Operation,
  concurrency: number,
  seconds: number,
  maxOps: number,
  latencies: number[] | null,
): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let issued = 0;
  let errors = 0;
  const worker = async (w: number) => {
    let i = 0;
    while (performance.now() < deadline && issued < maxOps) {
      issued++;
      const t0 = performance.now();
      let ok = true;
      try {
        ok = (await op(w, i++)) !== false;
      } catch {
        ok = false;
      }
      const dt = performance.now() - t0;
      if (ok) latencies?.push(dt);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return errors;
}

/** A fetch that reads the body fully and reports success as a 2xx status. */
export async function fetchOk(
  client: Deno.HttpClient,
  url: string,
  init: RequestInit = {},
): Promise<boolean> {
  const res = await fetch(url, { ...init, client } as RequestInit);
  await res.arrayBuffer();
  return res.ok;
}

/** One HTTP client per scenario, so connection pools don't leak between measurements. */
export function httpClient(): Deno.HttpClient {
  return Deno.createHttpClient({ poolMaxIdlePerHost: 64 });
}
