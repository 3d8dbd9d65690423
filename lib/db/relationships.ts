/**
 * SQL for follows, follow requests, blocks, mutes and account notes between accounts, the
 * follower/following counters kept beside them, and the Relationship entity's facts.
 */
import type { Queryable } from "./client.ts";

export interface FollowRow {
  id: string;
  account_id: string;
  target_account_id: string;
  show_reblogs: boolean;
  notify: boolean;
  languages: string[] | null;
  uri: string | null;
  created_at: Date;
}

/** A request has the fields of the follow it becomes (languages since migration 0030). */
export type FollowRequestRow = FollowRow;

export interface BlockRow {
  id: string;
  account_id: string;
  target_account_id: string;
  uri: string | null;
  created_at: Date;
}

export interface MuteRow {
  id: string;
  account_id: string;
  target_account_id: string;
  hide_notifications: boolean;
  expires_at: Date | null;
  created_at: Date;
}

export interface FollowOptions {
  show_reblogs?: boolean;
  notify?: boolean;
  languages?: string[] | null;
}

// --- follows ---

export async function findFollow(
  db: Queryable,
  accountId: string,
  targetId: string,
): Promise<FollowRow | null> {
  const [row] = await db<FollowRow[]>`
    SELECT * FROM follows WHERE account_id = ${accountId} AND target_account_id = ${targetId}`;
  return row ?? null;
}

/** Creates the follow and bumps both counters; null (and no counter change) when it existed. */
export async function insertFollow(
  db: Queryable,
  accountId: string,
  targetId: string,
  options: FollowOptions & { uri?: string | null },
): Promise<FollowRow | null> {
  const [row] = await db<FollowRow[]>`
    INSERT INTO follows (account_id, target_account_id, show_reblogs, notify, languages, uri)
    VALUES (${accountId}, ${targetId}, ${options.show_reblogs ?? true}, ${
    options.notify ?? false
  },
            ${options.languages ?? null}, ${options.uri ?? null})
    ON CONFLICT (account_id, target_account_id) DO NOTHING
    RETURNING *`;
  if (!row) return null;
  await db`UPDATE accounts SET following_count = following_count + 1 WHERE id = ${accountId}`;
  await db`UPDATE accounts SET followers_count = followers_count + 1 WHERE id = ${targetId}`;
  return row;
}

export async function updateFollowOptions(
  db: Queryable,
  followId: string,
  options: FollowOptions,
): Promise<void> {
  const changes: Record<string, unknown> = {};
  if (options.show_reblogs !== undefined) {
    changes.show_reblogs = options.show_reblogs;
  }
  if (options.notify !== undefined) changes.notify = options.notify;
  if (options.languages !== undefined) changes.languages = options.languages;
  const keys = Object.keys(changes);
  if (keys.length === 0) return;
  await db`UPDATE follows SET ${db(changes, ...keys)} WHERE id = ${followId}`;
}

/** Deletes the follow and lowers both counters; returns the deleted row. */
export async function deleteFollow(
  db: Queryable,
  accountId: string,
  targetId: string,
): Promise<FollowRow | null> {
  const [row] = await db<FollowRow[]>`
    DELETE FROM follows WHERE account_id = ${accountId} AND target_account_id = ${targetId}
    RETURNING *`;
  if (!row) return null;
  await db`
    UPDATE accounts SET following_count = greatest(following_count - 1, 0) WHERE id = ${accountId}`;
  await db`
    UPDATE accounts SET followers_count = greatest(followers_count - 1, 0) WHERE id = ${targetId}`;
  // A list holds only accounts its owner follows: unfollowing (or blocking) takes the account
  // out of the owner's lists, as on Mastodon.
  await db`
    DELETE FROM list_accounts la USING lists l
    WHERE l.id = la.list_id AND l.account_id = ${accountId} AND la.account_id = ${targetId}`;
  return row;
}

// --- follow requests ---

export async function findFollowRequest(
  db: Queryable,
  accountId: string,
  targetId: string,
): Promise<FollowRequestRow | null> {
  const [row] = await db<FollowRequestRow[]>`
    SELECT * FROM follow_requests WHERE account_id = ${accountId} AND target_account_id = ${targetId}`;
  return row ?? null;
}

export async function findFollowRequestById(
  db: Queryable,
  id: string,
): Promise<FollowRequestRow | null> {
  const [row] = await db<
    FollowRequestRow[]
  >`SELECT * FROM follow_requests WHERE id = ${id}`;
  return row ?? null;
}

/** Null when a request already existed. */
export async function insertFollowRequest(
  db: Queryable,
  accountId: string,
  targetId: string,
  options: FollowOptions & { uri?: string | null },
): Promise<FollowRequestRow | null> {
  const [row] = await db<FollowRequestRow[]>`
    INSERT INTO follow_requests
      (account_id, target_account_id, show_reblogs, notify, languages, uri)
    VALUES (${accountId}, ${targetId}, ${options.show_reblogs ?? true}, ${
    options.notify ?? false
  },
            ${options.languages ?? null}, ${options.uri ?? null})
    ON CONFLICT (account_id, target_account_id) DO NOTHING
    RETURNING *`;
  return row ?? null;
}

export async function setFollowRequestUri(
  db: Queryable,
  id: string,
  uri: string,
): Promise<void> {
  await db`UPDATE follow_requests SET uri = ${uri} WHERE id = ${id}`;
}

export async function deleteFollowRequest(
  db: Queryable,
  accountId: string,
  targetId: string,
): Promise<FollowRequestRow | null> {
  const [row] = await db<FollowRequestRow[]>`
    DELETE FROM follow_requests WHERE account_id = ${accountId} AND target_account_id = ${targetId}
    RETURNING *`;
  return row ?? null;
}

export async function countFollowRequests(
  db: Queryable,
  targetId: string,
): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    SELECT count(*)::int AS n FROM follow_requests WHERE target_account_id = ${targetId}`;
  return row.n;
}

// --- blocks and mutes ---

export async function insertBlock(
  db: Queryable,
  accountId: string,
  targetId: string,
  uri: string | null = null,
): Promise<BlockRow | null> {
  const [row] = await db<BlockRow[]>`
    INSERT INTO blocks (account_id, target_account_id, uri)
    VALUES (${accountId}, ${targetId}, ${uri})
    ON CONFLICT (account_id, target_account_id) DO NOTHING
    RETURNING *`;
  return row ?? null;
}

export async function deleteBlock(
  db: Queryable,
  accountId: string,
  targetId: string,
): Promise<BlockRow | null> {
  const [row] = await db<BlockRow[]>`
    DELETE FROM blocks WHERE account_id = ${accountId} AND target_account_id = ${targetId}
    RETURNING *`;
  return row ?? null;
}

/** True when either account blocks the other. */
export async function isBlockedEitherWay(
  db: Queryable,
  a: string,
  b: string,
): Promise<boolean> {
  const [row] = await db`
    SELECT 1 FROM blocks
    WHERE (account_id = ${a} AND target_account_id = ${b})
       OR (account_id = ${b} AND target_account_id = ${a})
    LIMIT 1`;
  return Boolean(row);
}

export async function upsertMute(
  db: Queryable,
  accountId: string,
  targetId: string,
  hideNotifications: boolean,
  expiresAt: Date | null,
): Promise<MuteRow> {
  const [row] = await db<MuteRow[]>`
    INSERT INTO mutes (account_id, target_account_id, hide_notifications, expires_at)
    VALUES (${accountId}, ${targetId}, ${hideNotifications}, ${expiresAt})
    ON CONFLICT (account_id, target_account_id)
    DO UPDATE SET hide_notifications = excluded.hide_notifications, expires_at = excluded.expires_at
    RETURNING *`;
  return row;
}

export async function deleteMute(
  db: Queryable,
  accountId: string,
  targetId: string,
): Promise<void> {
  await db`DELETE FROM mutes WHERE account_id = ${accountId} AND target_account_id = ${targetId}`;
}

export async function upsertAccountNote(
  db: Queryable,
  accountId: string,
  targetId: string,
  comment: string,
): Promise<void> {
  if (comment === "") {
    await db`
      DELETE FROM account_notes WHERE account_id = ${accountId} AND target_account_id = ${targetId}`;
    return;
  }
  await db`
    INSERT INTO account_notes (account_id, target_account_id, comment)
    VALUES (${accountId}, ${targetId}, ${comment})
    ON CONFLICT (account_id, target_account_id) DO UPDATE SET comment = excluded.comment`;
}

/** Removes a follow (request) notification the relationship no longer warrants. */
export async function deleteRelationshipNotification(
  db: Queryable,
  recipientId: string,
  fromId: string,
  type: "follow" | "follow_request",
): Promise<void> {
  await db`
    DELETE FROM notifications
    WHERE account_id = ${recipientId} AND from_account_id = ${fromId} AND type = ${type}`;
}

// --- the Relationship entity ---

export interface RelationshipRow {
  id: string;
  following: boolean;
  showing_reblogs: boolean;
  notifying: boolean;
  languages: string[] | null;
  followed_by: boolean;
  blocking: boolean;
  blocked_by: boolean;
  muting: boolean;
  muting_notifications: boolean;
  muting_expires_at: Date | null;
  requested: boolean;
  requested_by: boolean;
  note: string;
  domain_blocking: boolean;
  /** Featured on the viewer's profile (account_pins, migration 0020), while followed. */
  endorsed: boolean;
}

/** The viewer's relationship to each target (in the order given), in one query. */
export async function findRelationships(
  db: Queryable,
  viewerId: string,
  targetIds: string[],
): Promise<RelationshipRow[]> {
  if (targetIds.length === 0) return [];
  return await db<RelationshipRow[]>`
    SELECT t.id::text AS id,
      f.id IS NOT NULL AS following,
      coalesce(f.show_reblogs, false) AS showing_reblogs,
      coalesce(f.notify, false) AS notifying,
      f.languages,
      EXISTS (SELECT 1 FROM follows x
        WHERE x.account_id = t.id AND x.target_account_id = ${viewerId}) AS followed_by,
      EXISTS (SELECT 1 FROM blocks b
        WHERE b.account_id = ${viewerId} AND b.target_account_id = t.id) AS blocking,
      EXISTS (SELECT 1 FROM blocks b
        WHERE b.account_id = t.id AND b.target_account_id = ${viewerId}) AS blocked_by,
      m.id IS NOT NULL AS muting,
      coalesce(m.hide_notifications, false) AS muting_notifications,
      m.expires_at AS muting_expires_at,
      EXISTS (SELECT 1 FROM follow_requests r
        WHERE r.account_id = ${viewerId} AND r.target_account_id = t.id) AS requested,
      EXISTS (SELECT 1 FROM follow_requests r
        WHERE r.account_id = t.id AND r.target_account_id = ${viewerId}) AS requested_by,
      coalesce(n.comment, '') AS note,
      EXISTS (SELECT 1 FROM account_domain_blocks d JOIN accounts da ON da.id = t.id
        WHERE d.account_id = ${viewerId} AND d.domain = lower(da.domain)) AS domain_blocking,
      f.id IS NOT NULL AND EXISTS (SELECT 1 FROM account_pins p
        WHERE p.account_id = ${viewerId} AND p.target_account_id = t.id) AS endorsed
    FROM unnest(${targetIds}::bigint[]) WITH ORDINALITY AS t(id, ord)
    LEFT JOIN follows f ON f.account_id = ${viewerId} AND f.target_account_id = t.id
    LEFT JOIN mutes m ON m.account_id = ${viewerId} AND m.target_account_id = t.id
      AND (m.expires_at IS NULL OR m.expires_at > now())
    LEFT JOIN account_notes n ON n.account_id = ${viewerId} AND n.target_account_id = t.id
    ORDER BY t.ord`;
}
