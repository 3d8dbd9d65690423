/** SQL for moderators' view of hashtags (Admin::Tag): the flags and the trend decision. */
import type { Queryable } from "./client.ts";
import type { TagRow } from "./search.ts";
import { newestFirst, type Page, paging } from "./timelines.ts";

/** A tag with the flags moderators set on it. */
export interface FlaggedTagRow extends TagRow {
  usable: boolean;
  listable: boolean;
}

/** …and their trends decision; `trendable` null: not reviewed yet. */
export interface ModeratedTagRow extends FlaggedTagRow {
  trendable: boolean | null;
}

const likeAnywhere = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

function selectModeratedTags(db: Queryable) {
  return db`
    SELECT t.id::text AS id, t.name, t.display_name, t.usable, t.listable, r.trendable
    FROM tags t
    LEFT JOIN trend_reviews r ON r.kind = 'tag' AND r.key = t.id::text`;
}

/** Tags newest first by id, those whose name contains `q` when given. */
export async function listModeratedTags(
  db: Queryable,
  page: Page,
  q?: string,
): Promise<ModeratedTagRow[]> {
  const { where, tail } = paging(db, "t.id", page);
  return newestFirst(
    await db<ModeratedTagRow[]>`
      ${selectModeratedTags(db)}
      WHERE true ${q ? db`AND t.name LIKE ${likeAnywhere(q)}` : db``} ${where}
      ${tail}`,
    page,
  );
}

export async function findModeratedTag(
  db: Queryable,
  id: string,
): Promise<ModeratedTagRow | null> {
  const [row] = await db<ModeratedTagRow[]>`
    ${selectModeratedTags(db)} WHERE t.id = ${id}`;
  return row ?? null;
}

export async function setTagFlags(
  db: Queryable,
  id: string,
  fields: Pick<ModeratedTagRow, "display_name" | "usable" | "listable">,
): Promise<void> {
  await db`
    UPDATE tags SET display_name = ${fields.display_name}, usable = ${fields.usable},
      listable = ${fields.listable}
    WHERE id = ${id}`;
  // An unusable tag stops trending now, not at the next refresh.
  if (!fields.usable) {
    await db`DELETE FROM trends WHERE kind = 'tag' AND key = ${id}`;
  }
}

/** Of the (normalised) names, those moderators made unusable. */
export async function unusableTagNames(
  db: Queryable,
  names: string[],
): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db<{ name: string }[]>`
    SELECT name FROM tags WHERE name = ANY(${names}::text[]) AND NOT usable`;
  return rows.map((r) => r.name);
}
