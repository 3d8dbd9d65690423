/**
 * The worker's share of a process (`ROLE=worker` or `all`): it listens on the federation queue
 * and runs the periodic work. A `web` process starts none of this; it only enqueues. Whatever
 * else a worker should run (a jobs runner) starts here and stops in `stop()`.
 */
import type { Deps } from "./deps.ts";
import { listenFederationQueue } from "./federation/lazy.ts";
import { installPinnedDeliveries } from "./federation/pinned-delivery.ts";
import { startSchedules } from "./schedules/mod.ts";
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
  // Periodic work (pruning uploads, …): once per period across all workers.
  const schedules = startSchedules(deps);
  let stopping: Promise<void> | null = null;
  return {
    stop: () =>
      stopping ??= (async () => {
        queue.abort();
        await settledWithin(
          Promise.all([queueDone, schedules.stop()]),
          stopBudget(deps.config).queueMs,
        );
      })(),
  };
}
