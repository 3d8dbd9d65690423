/** SQL for home feeds, filled at write time (fan-out on write). */
import type { Queryable } from "./client.ts";

export interface FanOutInput {
  statusId: string;
  authorId: string;
  visibility: string;
  /** For replies: only followers who also follow the replied-to account see it (as Mastodon). */
  inReplyToAccountId: string | null;
  /** For reblogs: the reblogged status's author (followers hiding reblogs are skipped). */
  reblogOfAuthorId: string | null;
  mentionedIds: string[];
  /** Its hashtags (lowercase names): local accounts following one get public posts too. */
  tags?: string[];
}

/**
 * Adds the status to the home feeds of local accounts entitled to it: followers (all but
 * direct), followers of one of its hashtags (public posts, not boosts, as Mastodon), mentioned
 * accounts (direct only), and the author when local. Whoever blocks or mutes the author (or
 * blocks its domain) is skipped. Returns the account ids whose feeds received it.
 */
export async function fanOutToHomeFeeds(
  db: Queryable,
  input: FanOutInput,
): Promise<string[]> {
  const isReblog = input.reblogOfAuthorId !== null;
  const toFollowers = input.visibility !== "direct";
  const replyTo =
    input.inReplyToAccountId && input.inReplyToAccountId !== input.authorId
      ? input.inReplyToAccountId
      : null;
  const rows = await db<{ account_id: string }[]>`
    WITH audience AS (
      -- Followers through the partial index on local followers: a popular author's thousands
      -- of remote followers are never read (migration 0008).
      SELECT f.account_id FROM follows f
      WHERE ${toFollowers} AND f.target_account_id = ${input.authorId} AND f.local_follower
        AND (NOT ${isReblog} OR f.show_reblogs)
        AND (${replyTo}::bigint IS NULL OR f.account_id = ${replyTo}::bigint OR EXISTS (
          SELECT 1 FROM follows f2
          WHERE f2.account_id = f.account_id AND f2.target_account_id = ${replyTo}::bigint))
      UNION
      -- Followers of its hashtags (only local accounts follow tags).
      SELECT tf.account_id FROM tags t JOIN tag_follows tf ON tf.tag_id = t.id
      WHERE ${input.visibility === "public" && !isReblog} AND t.name = ANY(${
    input.tags ?? []
  }::text[])
      UNION
      -- The mentioned (direct posts) and the author: only the local ones have a feed here.
      SELECT a.id FROM accounts a
      WHERE a.domain IS NULL AND a.id = ANY(${[
    ...(input.visibility === "direct" ? input.mentionedIds : []),
    input.authorId,
  ]}::bigint[])
    )
    INSERT INTO home_feed_entries (account_id, status_id)
    SELECT au.account_id, ${input.statusId} FROM audience au
    WHERE NOT EXISTS (SELECT 1 FROM blocks b WHERE b.account_id = au.account_id
                      AND b.target_account_id IN (${input.authorId}, ${
    input.reblogOfAuthorId ?? input.authorId
  }))
      AND NOT EXISTS (SELECT 1 FROM mutes m WHERE m.account_id = au.account_id
                      AND m.target_account_id = ${input.authorId}
                      AND (m.expires_at IS NULL OR m.expires_at > now()))
      AND NOT EXISTS (SELECT 1 FROM account_domain_blocks d
                      JOIN accounts da ON lower(da.domain) = d.domain
                      WHERE d.account_id = au.account_id AND da.id IN (${input.authorId}, ${
    input.reblogOfAuthorId ?? input.authorId
  }))
    ON CONFLICT DO NOTHING
    RETURNING account_id`;
  return rows.map((r) => r.account_id);
}

export async function removeFromHomeFeeds(
  db: Queryable,
  statusId: string,
): Promise<void> {
  await db`DELETE FROM home_feed_entries WHERE status_id = ${statusId}`;
}

/** Which of `accountIds` have the status in their home feed (the streaming hub asks). */
export async function feedHolders(
  db: Queryable,
  statusId: string,
  accountIds: string[],
): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const rows = await db<{ account_id: string }[]>`
    SELECT account_id FROM home_feed_entries
    WHERE status_id = ${statusId} AND account_id = ANY(${accountIds}::bigint[])`;
  return rows.map((r) => r.account_id);
}
