/**
 * Media work done by jobs (`lib/jobs`): video/audio processing after an upload, the hourly
 * removal of uploads nobody attached, and a deleted status's uploads when asked.
 */
import type { Deps } from "../deps.ts";
import { discardMedia, MEDIA_DISCARD_JOB } from "./media-discard.ts";
import {
  MEDIA_AV_JOB,
  processAvUpload,
  pruneUnattachedMedia,
  UNATTACHED_MEDIA_TTL_MS,
} from "./media.ts";
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

/** A video or audio upload's processing (ffprobe, preview frame), written with its row. */
export const mediaAvJob = defineJob<{ mediaId: string }, Deps>({
  kind: MEDIA_AV_JOB,
  parse: schema.object({ mediaId: schema.string }),
  // A file ffmpeg can't read is served without preview (not an error); what fails here is
  // storage or the database: a few tries, then parked for the operator.
  retry: { backoff: exponentialBackoff(5_000, 60_000), maxAttempts: 5 },
  handler: (deps, { mediaId }) => processAvUpload(deps, mediaId),
});

/** A deleted status's uploads, when its author asked for them to go too (`delete_media`). */
export const mediaDiscardJob = defineJob<
  { accountId: string; mediaIds: string[] },
  Deps
>({
  kind: MEDIA_DISCARD_JOB,
  parse: schema.object({
    accountId: schema.string,
    mediaIds: schema.array(schema.string),
  }),
  retry: { backoff: exponentialBackoff(5_000, 60_000), maxAttempts: 5 },
  handler: (deps, { accountId, mediaIds }) =>
    discardMedia(deps, accountId, mediaIds),
});
