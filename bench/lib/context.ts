/** What every scenario receives: the run's options, and for data-bound scenarios, one dataset. */
import type postgres from "postgres";
import type { DataShape } from "./datagen.ts";
import type { Spawned } from "./process.ts";
import type { Results } from "./results.ts";
import { type LatencySummary } from "./stats.ts";

export type Mode = "full" | "quick" | "smoke";

export interface BenchOptions {
  mode: Mode;
  /** Statuses per dataset, ascending. */
  sizes: number[];
  /** Only these scenarios (null: all). */
  only: Set<string> | null;
  /** Measured seconds per load phase, and warm-up seconds before it. */
  seconds: number;
  warmup: number;
  concurrency: number;
  results: Results;
}

export interface Dataset {
  statuses: number;
  label: string;
  shape: DataShape;
  dbUrl: string;
  /** The Starling server process on this dataset (replaced by `restartServer`). */
  server: Spawned;
  /** Stops Starling; `startServer` spawns it again on the same port, database and DATA_DIR. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /**
   * Runs `run` with Starling as a `ROLE=web` process (on `server`'s port) and `workers`
   * (default 1) `ROLE=worker` processes (logs `server-LABEL-web.log`, `server-LABEL-worker.log`,
   * `server-LABEL-worker-2.log`…), then starts the single `ROLE=all` process again.
   */
  withWebAndWorker<T>(run: () => Promise<T>, workers?: number): Promise<T>;
  /** The `ROLE=worker` processes while `withWebAndWorker` runs. */
  workers: Spawned[];
  /** A pool in the bench process (size = concurrency) for SQL floors and setup. */
  sql: postgres.Sql;
  /** Local account ids by user number. */
  accountIds: Map<number, string>;
  /** Peak RSS samples recorded by scenarios while loading the server (KiB). */
  loadRssKiB: number[];
  /** Summaries by name, shared between scenarios (e.g. the verify_credentials floor). */
  summaries: Map<string, LatencySummary>;
}

export function wants(options: BenchOptions, scenario: string): boolean {
  return options.only === null || options.only.has(scenario);
}

/** A tiny deterministic PRNG (mulberry32) so runs are repeatable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Probe {
  status: number;
  body: string;
}

/** One request before a load phase: tells whether the endpoint exists and works. */
export async function probe(
  url: string,
  init: RequestInit = {},
): Promise<Probe> {
  const res = await fetch(url, { ...init, redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

/** Samples a process's RSS every 200 ms until stopped; returns the peak in KiB. */
export function sampleRss(
  read: () => Promise<number>,
): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        peak = Math.max(peak, await read());
      } catch { /* process gone */ }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}
