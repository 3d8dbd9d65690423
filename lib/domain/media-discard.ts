/**
 * `delete_media` on a status deletion: the status's uploads go too, by a job written in the
 * deletion's transaction (files are removed outside it). Without it they stay, unattached, for
 * a redraft to reuse, and are pruned after a day.
 */
import type { Deps } from "../deps.ts";
import type { Queryable } from "../db/client.ts";
import { mediaIdsOf } from "../db/statuses.ts";
import { findMediaByIds } from "../db/status-bundle.ts";
import { removeMedia } from "./media.ts";

export const MEDIA_DISCARD_JOB = "media.discard";

/** Writes the job that removes the status's uploads, in the deletion's transaction. */
export async function discardStatusMediaLater(
  tx: Queryable,
  jobs: Deps["jobs"],
  status: { id: string; account_id: string },
): Promise<void> {
  const mediaIds = await mediaIdsOf(tx, status.id);
  if (mediaIds.length === 0) return;
  await jobs.enqueue(tx, MEDIA_DISCARD_JOB, {
    accountId: status.account_id,
    mediaIds,
  });
}

/** The job's half: removes those uploads still the account's, unattached and unscheduled. */
export async function discardMedia(
  deps: Deps,
  accountId: string,
  mediaIds: string[],
): Promise<void> {
  for (const row of await findMediaByIds(deps.sql, mediaIds)) {
    if (
      row.account_id === accountId && row.status_id === null &&
      !row.scheduled_status_id
    ) await removeMedia(deps, row);
  }
}
