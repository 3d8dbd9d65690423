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

export async function insertAccountSeveranceEvent(
  db: Queryable,
  eventId: string,
  loss: FollowLoss,
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    INSERT INTO account_relationship_severance_events
      (account_id, relationship_severance_event_id, followers_count, following_count)
    VALUES (${loss.account_id}, ${eventId}, ${loss.followers_count},
            ${loss.following_count})
    RETURNING id`;
  return row.id;
}

/** The `severed_relationships` notification (from the account itself, as Mastodon's). */
export async function notifySevered(
  db: Queryable,
  accountId: string,
  accountEventId: string,
): Promise<void> {
  await db`
    INSERT INTO notifications
      (account_id, from_account_id, type, group_key, account_relationship_severance_event_id)
    VALUES (${accountId}, ${accountId}, 'severed_relationships',
            ${"severed_relationships-" + accountEventId}, ${accountEventId})`;
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
      SELECT ae.id, e.type, e.purged, e.target_name, ae.followers_count,
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

/** Remote custom emoji of `domain` and its subdomains (they keep no files of ours). */
export async function deleteRemoteEmojisOn(
  db: Queryable,
  domain: string,
): Promise<void> {
  await db`DELETE FROM custom_emojis WHERE ${onDomain(db, "domain", domain)}`;
}
