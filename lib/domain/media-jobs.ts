/** Media work done by jobs (`lib/jobs`): the hourly removal of uploads nobody attached. */
import type { Deps } from "../deps.ts";
import { pruneUnattachedMedia, UNATTACHED_MEDIA_TTL_MS } from "./media.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";

/** Day-old unattached uploads go, once an hour across all processes (a scheduled job). */
export const mediaPruneJob = defineJob<Record<string, unknown>, Deps>({
  kind: "media.prune",
  parse: schema.object({}),
  everyMs: 3600 * 1000,
  retry: { backoff: exponentialBackoff(10_000, 5 * 60_000), maxAttempts: 3 },
  async handler(deps) {
    const removed = await pruneUnattachedMedia(deps, UNATTACHED_MEDIA_TTL_MS);
    if (removed) console.info(`media: removed ${removed} unattached uploads`);
  },
});
