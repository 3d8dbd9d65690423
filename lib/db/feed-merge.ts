/**
 * Home feeds when a follow starts or ends, as Mastodon's FeedManager merges and unmerges: a new
 * follow brings the account's recent statuses into the follower's home feed (visible ones only,
 * by the same SQL rule every read path uses); an ended follow or a block takes them out.
 */
import type { Queryable } from "./client.ts";
import { notSilencedSql, visibleWithReblogSql } from "./visibility.ts";

/** How many recent statuses a new follow brings into the home feed. */
export const MERGE_LIMIT = 40;

export async function mergeIntoHomeFeed(
  db: Queryable,
  followerId: string,
  targetId: string,
  showReblogs: boolean,
): Promise<void> {
  await db`
    INSERT INTO home_feed_entries (account_id, status_id)
    SELECT ${followerId}, s.id
    FROM statuses s LEFT JOIN statuses r ON r.id = s.reblog_of_id
    WHERE s.account_id = ${targetId}
      AND s.visibility <> 'direct'
      AND (${showReblogs} OR s.reblog_of_id IS NULL)
      AND (s.in_reply_to_account_id IS NULL
        OR s.in_reply_to_account_id IN (s.account_id, ${followerId})
        OR EXISTS (SELECT 1 FROM follows rf WHERE rf.account_id = ${followerId}
                   AND rf.target_account_id = s.in_reply_to_account_id))
      AND ${visibleWithReblogSql(db, followerId, "s", "r")}
      AND ${notSilencedSql(db, followerId, "s", "r")}
    ORDER BY s.id DESC
    LIMIT ${MERGE_LIMIT}
    ON CONFLICT DO NOTHING`;
}

export async function unmergeFromHomeFeed(
  db: Queryable,
  followerId: string,
  targetId: string,
): Promise<void> {
  await db`
    DELETE FROM home_feed_entries h USING statuses s
    WHERE h.account_id = ${followerId} AND h.status_id = s.id AND s.account_id = ${targetId}`;
}
