/**
 * Periodic work, run once per period across all worker processes on one database: every worker
 * looks every few seconds for schedules that are due and claims them in the `schedules` table
 * (`lib/db/schedules.ts`); the one whose claim succeeds runs the work. A process that dies
 * mid-run loses that run only (the work is idempotent clean-up; the next period catches up).
 *
 * Not `Deno.cron`: it needs the unstable `cron` feature outside Deno Deploy and registration
 * at module top level (an import-time singleton), and on Deploy it only wakes an instance;
 * claiming in the database is one way that works the same self-hosted, in tests and on Deploy.
 */
import type { Deps } from "../deps.ts";
import { claimDueSchedules } from "../db/schedules.ts";
import { removeStaleUploads } from "../domain/media.ts";

export interface Schedule {
  /** Unique: the row in `schedules`. */
  name: string;
  everyMs: number;
  run(deps: Deps): Promise<void>;
}

/** Starling's periodic work. */
export function periodicWork(): Schedule[] {
  return [
    // Uploads never attached to a post are removed after a day (checked hourly).
    { name: "media-prune", everyMs: 3600_000, run: removeStaleUploads },
  ];
}

export interface RunningSchedules {
  /** Stops looking; resolves once the runs in progress have finished. */
  stop(): Promise<void>;
}

/** How often a worker looks for due schedules: one short statement each time. */
const POLL_MS = 5_000;

export function startSchedules(
  deps: Deps,
  schedules: readonly Schedule[] = periodicWork(),
): RunningSchedules {
  let stopped = false;
  let failing = false;
  /** The look in progress: a slow run makes the next polls skip, not pile up. */
  let looking: Promise<void> | null = null;
  const look = async () => {
    let due: string[];
    try {
      due = await claimDueSchedules(deps.sql, schedules);
      failing = false;
    } catch (error) {
      // The database is away: say so once, and look again at the next poll.
      if (!failing) console.error("schedules: could not claim:", error);
      failing = true;
      return;
    }
    for (const schedule of schedules) {
      if (stopped || !due.includes(schedule.name)) continue;
      try {
        await schedule.run(deps);
      } catch (error) {
        console.error(`schedule ${schedule.name} failed:`, error);
      }
    }
  };
  const poll = () => {
    looking ??= look().finally(() => looking = null);
  };
  const timer = setInterval(poll, POLL_MS);
  poll();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await looking;
    },
  };
}
