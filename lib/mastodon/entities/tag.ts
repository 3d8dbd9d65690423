/** The Tag entity, with its last 7 days of use (`history`), and the FeaturedTag entity. */
import type { Queryable } from "../../db/client.ts";
import type { TagRow } from "../../db/search.ts";
import type { FeaturedTagRow, TagHistoryRow } from "../../db/tags.ts";
import { tagHistoriesById } from "../../domain/tags.ts";

export type TagHistory = Omit<TagHistoryRow, "tag_id">[];

export function tagEntityJson(
  tag: TagRow,
  origin: string,
  history: TagHistory,
  following?: boolean,
  /** Whether the viewer features it on their profile (Mastodon 4.4), when known. */
  featuring?: boolean,
) {
  return {
    id: tag.id,
    name: tag.display_name || tag.name,
    url: `${origin}/tags/${encodeURIComponent(tag.name)}`,
    history,
    ...(following === undefined ? {} : { following }),
    ...(featuring === undefined ? {} : { featuring }),
  };
}

/** Tag entities for a whole response, their histories fetched in one query. */
export async function renderTags(
  sql: Queryable,
  tags: TagRow[],
  origin: string,
  following?: (tag: TagRow) => boolean | undefined,
  featuring?: (tag: TagRow) => boolean | undefined,
) {
  const histories = await tagHistoriesById(sql, tags.map((t) => t.id));
  return tags.map((tag) =>
    tagEntityJson(
      tag,
      origin,
      histories.get(tag.id) ?? [],
      following?.(tag),
      featuring?.(tag),
    )
  );
}

export function featuredTagJson(row: FeaturedTagRow, origin: string) {
  return {
    id: row.id,
    name: row.display_name || row.name,
    url: `${origin}/@${row.username}/tagged/${encodeURIComponent(row.name)}`,
    statuses_count: row.statuses_count,
    last_status_at: row.last_status_at
      ? row.last_status_at.toISOString().slice(0, 10)
      : null,
  };
}
