/** SQL for announcements, their dismissals and their reactions. */
import type { Queryable } from "../db/client.ts";

export interface AnnouncementRow {
  id: string;
  text: string;
  starts_at: Date | null;
  ends_at: Date | null;
  all_day: boolean;
  published_at: Date | null;
  /** When the `announcements.publish` job publishes a draft. */
  scheduled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface AnnouncementFields {
  text: string;
  starts_at: Date | null;
  ends_at: Date | null;
  all_day: boolean;
  scheduled_at: Date | null;
}

export interface ReactionCount {
  announcement_id: string;
  name: string;
  count: number;
  me: boolean;
}

export async function allAnnouncements(
  db: Queryable,
): Promise<AnnouncementRow[]> {
  return [
    ...await db<
      AnnouncementRow[]
    >`SELECT * FROM announcements ORDER BY id DESC`,
  ];
}

export async function findAnnouncement(
  db: Queryable,
  id: string,
): Promise<AnnouncementRow | null> {
  const [row] = await db<
    AnnouncementRow[]
  >`SELECT * FROM announcements WHERE id = ${id}`;
  return row ?? null;
}

/** The published announcements, oldest first; without those `accountId` dismissed unless asked. */
export async function publishedAnnouncements(
  db: Queryable,
  accountId: string | null,
  withDismissed: boolean,
): Promise<(AnnouncementRow & { read: boolean })[]> {
  return [
    ...await db<(AnnouncementRow & { read: boolean })[]>`
    SELECT a.*, (d.account_id IS NOT NULL) AS read
    FROM announcements a
    LEFT JOIN announcement_dismissals d
      ON d.announcement_id = a.id AND d.account_id = ${accountId}
    WHERE a.published_at IS NOT NULL
      AND (${withDismissed} OR d.account_id IS NULL)
    ORDER BY coalesce(a.starts_at, a.published_at), a.id`,
  ];
}

export async function insertAnnouncement(
  db: Queryable,
  fields: AnnouncementFields,
  publish: boolean,
): Promise<AnnouncementRow> {
  const [row] = await db<AnnouncementRow[]>`
    INSERT INTO announcements (text, starts_at, ends_at, all_day, scheduled_at, published_at)
    VALUES (${fields.text}, ${fields.starts_at}, ${fields.ends_at}, ${fields.all_day},
            ${fields.scheduled_at}, ${publish ? db`now()` : null})
    RETURNING *`;
  return row;
}

export async function updateAnnouncementRow(
  db: Queryable,
  id: string,
  fields: AnnouncementFields,
): Promise<AnnouncementRow> {
  const [row] = await db<AnnouncementRow[]>`
    UPDATE announcements SET text = ${fields.text}, starts_at = ${fields.starts_at},
      ends_at = ${fields.ends_at}, all_day = ${fields.all_day},
      scheduled_at = ${fields.scheduled_at}, updated_at = now()
    WHERE id = ${id} RETURNING *`;
  return row;
}

export async function setPublished(
  db: Queryable,
  id: string,
  published: boolean,
): Promise<AnnouncementRow> {
  const [row] = await db<AnnouncementRow[]>`
    UPDATE announcements
    SET published_at = ${published ? db`coalesce(published_at, now())` : null},
        updated_at = now()
    WHERE id = ${id} RETURNING *`;
  return row;
}

/**
 * Publishes the draft `id` if its scheduled time has come (locked, so a concurrent edit or a
 * repeated job can't publish it twice); null when there is nothing to publish.
 */
export async function publishIfDue(
  db: Queryable,
  id: string,
): Promise<AnnouncementRow | null> {
  const [row] = await db<AnnouncementRow[]>`
    UPDATE announcements SET published_at = now(), updated_at = now()
    WHERE id = ${id} AND published_at IS NULL AND scheduled_at <= now()
    RETURNING *`;
  return row ?? null;
}

export async function deleteAnnouncementRow(
  db: Queryable,
  id: string,
): Promise<void> {
  await db`DELETE FROM announcements WHERE id = ${id}`;
}

export async function insertDismissal(
  db: Queryable,
  id: string,
  accountId: string,
): Promise<void> {
  await db`
    INSERT INTO announcement_dismissals (announcement_id, account_id)
    VALUES (${id}, ${accountId}) ON CONFLICT DO NOTHING`;
}

/** True when the reaction is new. */
export async function insertReaction(
  db: Queryable,
  id: string,
  accountId: string,
  name: string,
): Promise<boolean> {
  const rows = await db`
    INSERT INTO announcement_reactions (announcement_id, account_id, name)
    VALUES (${id}, ${accountId}, ${name}) ON CONFLICT DO NOTHING RETURNING name`;
  return rows.length > 0;
}

/** True when there was one. */
export async function deleteReaction(
  db: Queryable,
  id: string,
  accountId: string,
  name: string,
): Promise<boolean> {
  const rows = await db`
    DELETE FROM announcement_reactions
    WHERE announcement_id = ${id} AND account_id = ${accountId} AND name = ${name}
    RETURNING name`;
  return rows.length > 0;
}

export async function distinctReactionNames(
  db: Queryable,
  id: string,
): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    SELECT count(DISTINCT name)::int AS n FROM announcement_reactions
    WHERE announcement_id = ${id}`;
  return row.n;
}

/** Reactions per announcement, in the order they were first given, with the viewer's own. */
export async function reactionCounts(
  db: Queryable,
  ids: string[],
  viewerId: string | null,
): Promise<ReactionCount[]> {
  if (ids.length === 0) return [];
  return [
    ...await db<ReactionCount[]>`
    SELECT announcement_id::text, name, count(*)::int AS count,
           coalesce(bool_or(account_id = ${viewerId}), false) AS me
    FROM announcement_reactions WHERE announcement_id = ANY(${ids}::bigint[])
    GROUP BY announcement_id, name ORDER BY min(created_at), name`,
  ];
}
