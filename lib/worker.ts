/**
 * The worker's share of a process (`ROLE=worker` or `all`): it runs the jobs (`lib/jobs`: the
 * side effects of committed writes, and the scheduled kinds, each once across all workers) and
 * listens on Fedify's queue. A `web` process starts none of this; it only writes jobs.
 */
import type { Deps } from "./deps.ts";
import { listenFederationQueue } from "./federation/lazy.ts";
import { installPinnedDeliveries } from "./federation/pinned-delivery.ts";
import { settledWithin } from "./settle.ts";
import { stopBudget } from "./stop-budget.ts";

export interface Worker {
  /**
   * Stops taking work and lets the running tasks finish, for at most the stop budget's queue
   * wait: a task still running then keeps its queue row and runs again later (at least once).
   */
  stop(): Promise<void>;
}

export function startWorker(deps: Deps): Worker {
  // Fedify's deliveries use the global fetch: pinned inside the queue's delivery tasks.
  installPinnedDeliveries();
  const queue = new AbortController();
  const queueDone = listenFederationQueue(deps, queue.signal)
    .catch((error) => console.error("federation queue stopped:", error));
  // Side effects of committed writes, including what was left when a process last stopped.
  const jobsDone = deps.jobs.run(deps, queue.signal)
    .catch((error) => console.error("jobs stopped:", error));
  let stopping: Promise<void> | null = null;
  return {
    stop: () =>
      stopping ??= (async () => {
        queue.abort();
        await settledWithin(
          Promise.all([queueDone, jobsDone]),
          stopBudget(deps.config).queueMs,
        );
      })(),
  };
}
