/**
 * A seeded database for plan tests: one viewer following 150 authors with a long home feed,
 * public, unlisted and private posts, boosts, replies, hashtags, a list and notifications —
 * loaded with set-based SQL after the migrations and deliberately NOT analysed (a freshly seeded
 * server, or PGlite, which runs no autovacuum): the plans must be good without statistics.
 */
import type postgres from "postgres";

export interface Seeded {
  viewerId: string;
  /** An author the viewer follows, with many statuses. */
  authorId: string;
  listId: string;
  /** A hashtag on every other status. */
  tag: string;
}

export async function seedFeeds(
  sql: postgres.Sql,
  statuses = 30_000,
): Promise<Seeded> {
  await sql.begin(async (tx) => {
    await tx.unsafe(`
      INSERT INTO accounts (id, username, domain, uri)
      SELECT n, 'u' || n, CASE WHEN n > 100 THEN 'peer' || (n % 7) || '.test' END,
             CASE WHEN n > 100 THEN 'https://peer' || (n % 7) || '.test/u/' || n END
      FROM generate_series(1, 200) n;
      INSERT INTO users (account_id, email, password_hash)
      SELECT n, 'u' || n || '@example.test', 'x' FROM generate_series(1, 5) n;
      INSERT INTO follows (account_id, target_account_id)
      SELECT v, t FROM generate_series(1, 5) v, generate_series(10, 159) t;
      -- Statuses spread over 200 authors, newest last; ids grow with time as starling_id does.
      INSERT INTO statuses (id, uri, account_id, local, visibility, reblog_of_id,
                            in_reply_to_id, in_reply_to_account_id, content)
      SELECT 1000000 + n, 'https://example.test/s/' || n, 1 + (n % 200), (n % 200) < 100,
             (ARRAY['public', 'public', 'unlisted', 'private'])[1 + n % 4],
             CASE WHEN n % 20 = 0 AND n > 100 THEN 1000000 + n - 37 END,
             CASE WHEN n % 20 = 7 AND n > 100 THEN 1000000 + n - 13 END,
             CASE WHEN n % 20 = 7 AND n > 100 THEN 1 + ((n - 13) % 200) END,
             '<p>post ' || n || '</p>'
      FROM generate_series(1, ${statuses}) n;
      -- Fan-out on write: every status of a followed author in each follower's feed.
      INSERT INTO home_feed_entries (account_id, status_id)
      SELECT f.account_id, s.id FROM statuses s
      JOIN follows f ON f.target_account_id = s.account_id
      WHERE s.visibility <> 'direct';
      INSERT INTO tags (id, name, display_name)
      SELECT n, 'tag' || n, 'Tag' || n FROM generate_series(1, 20) n;
      INSERT INTO statuses_tags (status_id, tag_id)
      SELECT id, 1 + (id % 2) * 13 FROM statuses WHERE reblog_of_id IS NULL;
      INSERT INTO lists (id, account_id, title) VALUES (1, 1, 'friends');
      INSERT INTO list_accounts (list_id, account_id)
      SELECT 1, t FROM generate_series(10, 40) t;
      -- Each with its status's id, so that pages by id (max_id, min_id) land mid-list.
      INSERT INTO notifications (id, account_id, from_account_id, type, status_id, group_key)
      SELECT s.id, 1, s.account_id, 'favourite', s.id, 'ungrouped-' || s.id
      FROM statuses s WHERE s.account_id <> 1;
    `);
  });
  return { viewerId: "1", authorId: "10", listId: "1", tag: "tag14" };
}
