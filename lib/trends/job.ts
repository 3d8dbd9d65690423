/** The scheduled job that keeps trends current: every 10 minutes, once across all workers. */
import type { Deps } from "../deps.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import { refreshTrends } from "./measure.ts";

export const trendsRefreshJob = defineJob<Record<string, unknown>, Deps>({
  kind: "trends.refresh",
  parse: schema.object({}),
  everyMs: 10 * 60 * 1000,
  retry: { backoff: exponentialBackoff(10_000, 5 * 60_000), maxAttempts: 3 },
  async handler(deps) {
    await refreshTrends(deps.sql);
  },
});
