/**
 * Mastodon's Announcement entity (docs.joinmastodon.org/entities/Announcement): the text as
 * HTML, its times, whether the viewer dismissed it (`read`), and reactions with the viewer's
 * own (`me`). A reaction with a custom emoji carries its `url` and `static_url`; custom emoji
 * in the text are listed in `emojis`.
 */
import type { Queryable } from "../../db/client.ts";
import { formatStatus } from "../../text/mod.ts";
import {
  type AnnouncementRow,
  type ReactionCount,
  reactionsOf,
} from "../../instance/mod.ts";
import { localEmojisNamed, shortcodesIn } from "../../emoji/mod.ts";
import type { CustomEmoji } from "./types.ts";

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
  emojis: CustomEmoji[];
  reactions: {
    name: string;
    count: number;
    me?: boolean;
    url?: string;
    static_url?: string;
  }[];
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
  emojis: Map<string, CustomEmoji>,
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
    emojis: shortcodesIn(row.text).flatMap((code) => {
      const emoji = emojis.get(code);
      return emoji ? [emoji] : [];
    }),
    reactions: reactions.map((r) => {
      const emoji = emojis.get(r.name);
      return {
        name: r.name,
        count: r.count,
        ...(signedIn ? { me: r.me } : {}),
        ...(emoji ? { url: emoji.url, static_url: emoji.static_url } : {}),
      };
    }),
  };
}

/** Renders announcements for one viewer (their dismissals and reactions). */
export async function renderAnnouncements(
  options: {
    sql: Queryable;
    origin: string;
    viewerId: string | null;
    mediaUrl?: (key: string) => string;
  },
  rows: (AnnouncementRow & { read?: boolean })[],
): Promise<AnnouncementJson[]> {
  const reactions = await reactionsOf(
    options.sql,
    rows.map((r) => String(r.id)),
    options.viewerId,
  );
  // Custom emoji named by reactions or written in the texts (local ones only, as Mastodon).
  const emojis = await localEmojisNamed(
    options.sql,
    options.mediaUrl ?? ((key) => `${options.origin}/media/${key}`),
    [
      ...reactions.map((r) => r.name),
      ...shortcodesIn(...rows.map((r) => r.text)),
    ],
  );
  return rows.map((row) =>
    render(
      row,
      reactions.filter((r) => r.announcement_id === String(row.id)),
      options.origin,
      options.viewerId !== null,
      emojis,
    )
  );
}
