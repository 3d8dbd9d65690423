/**
 * Featured hashtags on a profile, and the usage history every Tag entity carries. An account
 * features at most 10 tags, as on Mastodon; a tag it does not own reads as missing.
 */
import type { Queryable, Sql } from "../db/client.ts";
import * as db from "../db/tags.ts";
import type { FeaturedTagRow, TagHistoryRow } from "../db/tags.ts";
import { ensureTag } from "../db/search.ts";
import { normalizeHashtag } from "../text/compose.ts";
import { invalid, notFound } from "./errors.ts";

export const FEATURED_TAGS_MAX = 10;
const SUGGESTIONS_MAX = 10;

export function featuredTags(
  sql: Queryable,
  accountId: string,
): Promise<FeaturedTagRow[]> {
  return db.listFeaturedTags(sql, accountId);
}

export async function featureTag(
  sql: Sql,
  accountId: string,
  name: string,
): Promise<FeaturedTagRow> {
  const normal = normalizeHashtag(name.trim().replace(/^#/, ""));
  if (!/^[\p{L}\p{M}\p{N}_]+$/u.test(normal)) {
    throw invalid("Validation failed: Tag is invalid", "name");
  }
  return await sql.begin(async (tx) => {
    // Serialises concurrent creates by one account so the limit holds.
    await tx`SELECT id FROM accounts WHERE id = ${accountId} FOR UPDATE`;
    const tag = await ensureTag(tx, normal);
    const existing = (await db.listFeaturedTags(tx, accountId))
      .find((f) => f.tag_id === tag.id);
    if (existing) return existing;
    if (await db.countFeaturedTags(tx, accountId) >= FEATURED_TAGS_MAX) {
      throw invalid(
        `Validation failed: You cannot feature more than ${FEATURED_TAGS_MAX} hashtags`,
      );
    }
    const id = await db.insertFeaturedTag(tx, accountId, tag.id);
    const [row] = await db.listFeaturedTags(tx, accountId, id);
    return row;
  });
}

export async function unfeatureTag(
  sql: Queryable,
  accountId: string,
  id: string,
): Promise<void> {
  if (!await db.deleteFeaturedTag(sql, accountId, id)) throw notFound();
}

/**
 * Mastodon 4.4's `POST /api/v1/tags/:name/unfeature`: stops featuring the tag by name (a tag
 * not featured stays so; an unknown tag reads as missing).
 */
export async function unfeatureTagNamed(
  sql: Queryable,
  accountId: string,
  name: string,
): Promise<void> {
  const normal = normalizeHashtag(name.trim().replace(/^#/, ""));
  const featured = (await db.listFeaturedTags(sql, accountId))
    .find((f) => f.name === normal);
  if (featured) await db.deleteFeaturedTag(sql, accountId, featured.id);
}

export function featuredTagSuggestions(sql: Queryable, accountId: string) {
  return db.suggestedTags(sql, accountId, SUGGESTIONS_MAX);
}

/** Each tag's last 7 days of use, newest first, keyed by tag id (one query for all). */
export async function tagHistoriesById(
  sql: Queryable,
  tagIds: string[],
): Promise<Map<string, Omit<TagHistoryRow, "tag_id">[]>> {
  const byId = new Map<string, Omit<TagHistoryRow, "tag_id">[]>();
  for (
    const { tag_id, ...day } of await db.tagHistories(sql, [...new Set(tagIds)])
  ) {
    byId.set(tag_id, [...byId.get(tag_id) ?? [], day]);
  }
  return byId;
}

/** Which of `tagIds` the viewer follows (none for an anonymous viewer). */
export async function followedAmong(
  sql: Queryable,
  viewerId: string | null,
  tagIds: string[],
): Promise<Set<string>> {
  return viewerId ? await db.followedTagIds(sql, viewerId, tagIds) : new Set();
}
