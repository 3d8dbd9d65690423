/**
 * How long each step of a stop may wait (`lib/server.ts`, `main.ts`). Under a supervisor the
 * waits are generous; on Deno Deploy, which sends SIGINT and kills the process 5 s later, they
 * add up to well under 5 s. A wait that runs out loses nothing: a request still running is cut
 * (its client retries), and a queued task still running keeps its row and lease, so another
 * process (or this one after a restart) runs it again.
 */
import type { Config } from "./config.ts";

export interface StopBudget {
  /** Requests in flight finish before the server is shut down under them. */
  requestsMs: number;
  /** The HTTP server then closes its connections (streams already ended). */
  serverShutdownMs: number;
  /** Running queue tasks finish before the database closes under them. */
  queueMs: number;
  /** Past this, the process exits 1 saying so: something hung. */
  limitMs: number;
}

export function stopBudget(config: Pick<Config, "onDeploy">): StopBudget {
  return config.onDeploy ? DEPLOY : SUPERVISED;
}

const SUPERVISED: StopBudget = {
  requestsMs: 10_000,
  serverShutdownMs: 5_000,
  queueMs: 10_000,
  limitMs: 60_000,
};

/** Deploy's notice is 5 s: these sum to 4 s, and the safety net fires before the SIGKILL. */
const DEPLOY: StopBudget = {
  requestsMs: 1_500,
  serverShutdownMs: 500,
  queueMs: 2_000,
  limitMs: 4_500,
};
