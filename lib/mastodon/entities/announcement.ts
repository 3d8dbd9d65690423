/**
 * Mastodon's Announcement entity (docs.joinmastodon.org/entities/Announcement): the text as
 * HTML, its times, whether the viewer dismissed it (`read`), and reactions with the viewer's
 * own (`me`). Starling has no custom emoji, so `emojis` is empty and reactions are unicode.
 */
import type { Queryable } from "../../db/client.ts";
import { formatStatus } from "../../text/mod.ts";
import {
  type AnnouncementRow,
  type ReactionCount,
  reactionsOf,
} from "../../instance/mod.ts";

export interface AnnouncementJson {
  id: string;
  content: string;
  starts_at: string | null;
  ends_at: string | null;
  all_day: boolean;
  published_at: string;
  updated_at: string;
  read?: boolean;
  mentions: never[];
  statuses: never[];
  tags: { name: string; url: string }[];
  emojis: never[];
  reactions: { name: string; count: number; me?: boolean }[];
}

function dateOf(time: Date | null, allDay: boolean): string | null {
  if (!time) return null;
  return allDay ? time.toISOString().slice(0, 10) : time.toISOString();
}

function render(
  row: AnnouncementRow & { read?: boolean },
  reactions: ReactionCount[],
  origin: string,
  signedIn: boolean,
): AnnouncementJson {
  const tagUrl = (name: string) => `${origin}/tags/${encodeURIComponent(name)}`;
  const formatted = formatStatus(row.text, {
    resolveMention: () => null,
    tagUrl,
  });
  return {
    id: String(row.id),
    content: formatted.html,
    starts_at: dateOf(row.starts_at, row.all_day),
    ends_at: dateOf(row.ends_at, row.all_day),
    all_day: row.all_day,
    published_at: (row.published_at ?? row.created_at).toISOString(),
    updated_at: row.updated_at.toISOString(),
    ...(signedIn && row.read !== undefined ? { read: row.read } : {}),
    mentions: [],
    statuses: [],
    tags: formatted.tags.map((name) => ({ name, url: tagUrl(name) })),
    emojis: [],
    reactions: reactions.map((r) => ({
      name: r.name,
      count: r.count,
      ...(signedIn ? { me: r.me } : {}),
    })),
  };
}

/** Renders announcements for one viewer (their dismissals and reactions). */
export async function renderAnnouncements(
  options: { sql: Queryable; origin: string; viewerId: string | null },
  rows: (AnnouncementRow & { read?: boolean })[],
): Promise<AnnouncementJson[]> {
  const reactions = await reactionsOf(
    options.sql,
    rows.map((r) => String(r.id)),
    options.viewerId,
  );
  return rows.map((row) =>
    render(
      row,
      reactions.filter((r) => r.announcement_id === String(row.id)),
      options.origin,
      options.viewerId !== null,
    )
  );
}
