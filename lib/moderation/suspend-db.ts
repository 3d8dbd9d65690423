/** SQL for severing a suspended domain's relationships (migration 0013). */
import type { Queryable } from "../db/client.ts";

/** Accounts on `domain` or a subdomain (any port). */
function onDomain(db: Queryable, column: string, domain: string) {
  return db`(${db(column)} = ${domain}
    OR split_part(${db(column)}, ':', 1) = ${domain}
    OR split_part(${db(column)}, ':', 1) LIKE ${"%." + domain})`;
}

export async function insertSeveranceEvent(
  db: Queryable,
  type: "domain_block",
  targetName: string,
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    INSERT INTO relationship_severance_events (type, target_name)
    VALUES (${type}, ${targetName}) RETURNING id`;
  return row.id;
}

export interface FollowLoss {
  account_id: string;
  followers_count: number;
  following_count: number;
}

/** Per local account: how many of its followers and follows are on `domain`. */
export async function followLossesWith(
  db: Queryable,
  domain: string,
): Promise<FollowLoss[]> {
  return [
    ...await db<FollowLoss[]>`
      WITH remote AS (
        SELECT id FROM accounts WHERE ${onDomain(db, "domain", domain)}
      ), losses AS (
        SELECT f.target_account_id AS account_id, 1 AS followers, 0 AS following
        FROM follows f WHERE f.account_id IN (SELECT id FROM remote)
        UNION ALL
        SELECT f.account_id, 0, 1
        FROM follows f WHERE f.target_account_id IN (SELECT id FROM remote)
      )
      SELECT l.account_id, sum(l.followers)::int AS followers_count,
             sum(l.following)::int AS following_count
      FROM losses l JOIN accounts a ON a.id = l.account_id AND a.domain IS NULL
      GROUP BY l.account_id ORDER BY l.account_id`,
  ];
}

/** Deletes follows and follow requests both ways between local accounts and `domain`. */
export async function deleteFollowsWith(
  db: Queryable,
  domain: string,
): Promise<void> {
  for (const table of ["follows", "follow_requests"]) {
    await db`
      DELETE FROM ${db(table)} WHERE account_id IN (
        SELECT id FROM accounts WHERE ${onDomain(db, "domain", domain)})
      OR target_account_id IN (
        SELECT id FROM accounts WHERE ${onDomain(db, "domain", domain)})`;
  }
}

/**
 * Cuts up to `limit` follows between local accounts and `domain`'s, in one statement: keeps
 * who was on the other side under `eventId` and adds to each local account's counts. Returns
 * the local accounts touched; none means nothing is left to cut.
 */
export async function cutFollowBatch(
  db: Queryable,
  eventId: string,
  domain: string,
  limit: number,
): Promise<string[]> {
  const rows = await db<{ account_id: string }[]>`
    WITH remote AS (
      SELECT id, username || '@' || domain AS acct FROM accounts
      WHERE ${onDomain(db, "domain", domain)}
    ), batch AS (
      (SELECT f.id, f.account_id AS local_id, 'following'::text AS direction, r.acct,
              f.show_reblogs, f.notify, f.languages
       FROM follows f JOIN remote r ON r.id = f.target_account_id
       JOIN accounts l ON l.id = f.account_id AND l.domain IS NULL)
      UNION ALL
      (SELECT f.id, f.target_account_id, 'followers', r.acct, f.show_reblogs, f.notify,
              f.languages
       FROM follows f JOIN remote r ON r.id = f.account_id
       JOIN accounts l ON l.id = f.target_account_id AND l.domain IS NULL)
      LIMIT ${limit}
    ), gone AS (
      DELETE FROM follows f USING batch b WHERE f.id = b.id RETURNING f.id
    ), kept AS (
      INSERT INTO severed_relationships (relationship_severance_event_id, local_account_id,
        direction, remote_acct, show_reblogs, notify, languages)
      SELECT ${eventId}, b.local_id, b.direction, b.acct, b.show_reblogs, b.notify, b.languages
      FROM batch b JOIN gone g ON g.id = b.id
      ON CONFLICT DO NOTHING
    ), counted AS (
      INSERT INTO account_relationship_severance_events AS e
        (account_id, relationship_severance_event_id, followers_count, following_count)
      SELECT b.local_id, ${eventId},
        count(*) FILTER (WHERE b.direction = 'followers'),
        count(*) FILTER (WHERE b.direction = 'following')
      FROM batch b JOIN gone g ON g.id = b.id GROUP BY b.local_id
      ON CONFLICT (account_id, relationship_severance_event_id) DO UPDATE SET
        followers_count = e.followers_count + excluded.followers_count,
        following_count = e.following_count + excluded.following_count
    )
    SELECT DISTINCT local_id::text AS account_id FROM batch`;
  return rows.map((r) => r.account_id);
}

/**
 * The `severed_relationships` notification (from the account itself, as Mastodon's) for each
 * local account that lost some in `eventId` and wasn't told yet.
 */
export async function notifySevered(
  db: Queryable,
  eventId: string,
): Promise<void> {
  await db`
    INSERT INTO notifications
      (account_id, from_account_id, type, group_key, account_relationship_severance_event_id)
    SELECT e.account_id, e.account_id, 'severed_relationships',
           'severed_relationships-' || e.id, e.id
    FROM account_relationship_severance_events e
    WHERE e.relationship_severance_event_id = ${eventId}
      AND NOT EXISTS (SELECT 1 FROM notifications n
                      WHERE n.account_relationship_severance_event_id = e.id)`;
}

/** Sets the follow counters of `accountIds` (and nobody else's) from the follows left. */
export async function recountFollows(
  db: Queryable,
  accountIds: string[],
): Promise<void> {
  if (accountIds.length === 0) return;
  await db`
    UPDATE accounts a SET
      followers_count = (SELECT count(*) FROM follows WHERE target_account_id = a.id),
      following_count = (SELECT count(*) FROM follows WHERE account_id = a.id)
    WHERE a.id IN ${db(accountIds)}`;
}

export interface SeveranceEventRow {
  id: string;
  /** The local account that lost the relationships. */
  account_id: string;
  type: string;
  purged: boolean;
  target_name: string;
  followers_count: number;
  following_count: number;
  created_at: Date;
}

/** The per-account events (RelationshipSeveranceEvent entities) by their ids. */
export async function findAccountSeveranceEvents(
  db: Queryable,
  ids: string[],
): Promise<SeveranceEventRow[]> {
  if (ids.length === 0) return [];
  return [
    ...await db<SeveranceEventRow[]>`
      SELECT ae.id, ae.account_id::text AS account_id, e.type, e.purged, e.target_name, ae.followers_count,
             ae.following_count, ae.created_at
      FROM account_relationship_severance_events ae
      JOIN relationship_severance_events e ON e.id = ae.relationship_severance_event_id
      WHERE ae.id IN ${db(ids)}`,
  ];
}

/** The per-account events of one local account, newest first. */
export async function accountSeveranceEventIds(
  db: Queryable,
  accountId: string,
): Promise<string[]> {
  return (await db<{ id: string }[]>`
    SELECT id FROM account_relationship_severance_events
    WHERE account_id = ${accountId} ORDER BY id DESC LIMIT 200`).map((r) =>
    r.id
  );
}

export type SeveredDirection = "following" | "followers";

export interface SeveredRelationshipRow {
  remote_acct: string;
  show_reblogs: boolean;
  notify: boolean;
  languages: string[] | null;
}

/** Who was cut from a local account's follows or followers in its event `accountEventId`. */
export async function severedRelationships(
  db: Queryable,
  accountEventId: string,
  direction: SeveredDirection,
): Promise<SeveredRelationshipRow[]> {
  return [
    ...await db<SeveredRelationshipRow[]>`
      SELECT s.remote_acct, s.show_reblogs, s.notify, s.languages
      FROM account_relationship_severance_events e
      JOIN severed_relationships s
        ON s.relationship_severance_event_id = e.relationship_severance_event_id
       AND s.local_account_id = e.account_id
      WHERE e.id = ${accountEventId} AND s.direction = ${direction}
      ORDER BY s.remote_acct`,
  ];
}

/** Remote custom emoji of `domain` and its subdomains (they keep no files of ours). */
export async function deleteRemoteEmojisOn(
  db: Queryable,
  domain: string,
): Promise<void> {
  await db`DELETE FROM custom_emojis WHERE ${onDomain(db, "domain", domain)}`;
}
