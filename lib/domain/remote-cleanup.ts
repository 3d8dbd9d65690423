/**
 * Removing remote posts nobody here needs (Mastodon's `tootctl statuses remove`): older than the
 * given age, by authors no local account follows, with no local favourite, boost, bookmark,
 * reply, mention or poll vote. In batches, each its own transaction: an interrupted run is run
 * again and goes on where it stopped.
 */
import type { Sql } from "../db/client.ts";
import {
  deleteStatusesByIds,
  unreferencedRemoteStatusIds,
} from "../db/remote-cleanup.ts";

const BATCH = 500;

export async function removeUnreferencedRemoteStatuses(
  sql: Sql,
  olderThanMs: number,
  progress?: (removed: number) => void,
): Promise<number> {
  const before = new Date(Date.now() - olderThanMs);
  let removed = 0;
  for (;;) {
    const ids = await unreferencedRemoteStatusIds(sql, before, BATCH);
    if (ids.length === 0) return removed;
    removed += await sql.begin((tx) => deleteStatusesByIds(tx, ids));
    progress?.(removed);
  }
}
