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

/**
 * Several operations measured in alternating short slices (rotating the order each round), so a
 * burst of noise from other programs on the shared machine hits figure and floor alike rather
 * than whichever happened to run at that moment. Each gets `seconds` of measured time in total.
 */
export async function runInterleaved(
  ops: Record<string, Operation>,
  options: LoadOptions & {
    slices?: number;
    /** Workers for some operations, when not `concurrency` (e.g. a CPU floor kept busy). */
    concurrencyOf?: Record<string, number>;
  },
): Promise<Record<string, LatencySummary>> {
  const names = Object.keys(ops);
  const workers = (name: string) =>
    options.concurrencyOf?.[name] ?? options.concurrency;
  const maxOps = options.maxOperations ?? 1_000_000;
  if (options.warmupSeconds) {
    for (const name of names) {
      await loop(
        ops[name],
        workers(name),
        options.warmupSeconds,
        maxOps,
        null,
      );
    }
  }
  const slices = options.slices ?? Math.max(3, Math.round(options.seconds));
  const slice = options.seconds / slices;
  const latencies = new Map(names.map((n) => [n, [] as number[]]));
  const errors = new Map(names.map((n) => [n, 0]));
  const elapsed = new Map(names.map((n) => [n, 0]));
  for (let round = 0; round < slices; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const started = performance.now();
      errors.set(
        name,
        errors.get(name)! +
          await loop(
            ops[name],
            workers(name),
            slice,
            maxOps,
            latencies.get(name)!,
          ),
      );
      elapsed.set(
        name,
        elapsed.get(name)! + (performance.now() - started) / 1000,
      );
    }
  }
  return Object.fromEntries(
    names.map((
      n,
    ) => [n, summarize(latencies.get(n)!, errors.get(n)!, elapsed.get(n)!)]),
  );
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
