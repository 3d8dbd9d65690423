/** SQL for custom emoji and their categories. */
import type { Queryable } from "../db/client.ts";

export interface EmojiRow {
  id: string;
  shortcode: string;
  /** NULL for local emoji. */
  domain: string | null;
  image_key: string | null;
  image_static_key: string | null;
  image_content_type: string | null;
  image_remote_url: string | null;
  uri: string | null;
  category_id: string | null;
  /** The category's name (joined). */
  category: string | null;
  visible_in_picker: boolean;
  disabled: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface CategoryRow {
  id: string;
  name: string;
}

const SELECT = (db: Queryable) =>
  db`SELECT e.*, c.name AS category FROM custom_emojis e
     LEFT JOIN custom_emoji_categories c ON c.id = e.category_id`;

export async function findEmoji(
  db: Queryable,
  id: string,
): Promise<EmojiRow | null> {
  const [row] = await db<EmojiRow[]>`${SELECT(db)} WHERE e.id = ${id}`;
  return row ?? null;
}

export async function findByShortcode(
  db: Queryable,
  shortcode: string,
  domain: string | null,
): Promise<EmojiRow | null> {
  const [row] = await db<EmojiRow[]>`
    ${SELECT(db)}
    WHERE e.shortcode = ${shortcode} AND coalesce(e.domain, '') = ${
    domain ?? ""
  }`;
  return row ?? null;
}

/** The enabled emoji among `shortcodes` of each domain ('' for local), in one query. */
export async function enabledByShortcodes(
  db: Queryable,
  wanted: { domain: string; shortcode: string }[],
): Promise<EmojiRow[]> {
  if (wanted.length === 0) return [];
  return [
    ...await db<EmojiRow[]>`
      ${SELECT(db)}
      JOIN unnest(${wanted.map((w) => w.domain)}::text[], ${
      wanted.map((w) => w.shortcode)
    }::text[]) AS w(domain, shortcode)
        ON coalesce(e.domain, '') = w.domain AND e.shortcode = w.shortcode
      WHERE NOT e.disabled`,
  ];
}

export async function enabledLocalEmojis(db: Queryable): Promise<EmojiRow[]> {
  return [
    ...await db<EmojiRow[]>`
      ${SELECT(db)} WHERE e.domain IS NULL AND NOT e.disabled
      ORDER BY c.name NULLS FIRST, e.shortcode`,
  ];
}

export interface EmojiFilter {
  /** `local`, `remote` or all. */
  origin: "local" | "remote" | "all";
  /** Part of a shortcode (case-insensitive). */
  query: string;
  /** A remote domain. */
  domain: string;
  limit: number;
  /** The next page: emoji whose shortcode/id come after this one. */
  after: string | null;
}

export async function listEmojis(
  db: Queryable,
  filter: EmojiFilter,
): Promise<EmojiRow[]> {
  const pattern = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return [
    ...await db<EmojiRow[]>`
      ${SELECT(db)}
      WHERE (${filter.origin} = 'all'
             OR (${filter.origin} = 'local' AND e.domain IS NULL)
             OR (${filter.origin} = 'remote' AND e.domain IS NOT NULL))
        AND (${filter.query} = '' OR e.shortcode ILIKE ${pattern})
        AND (${filter.domain} = '' OR e.domain = ${filter.domain})
        AND (${filter.after}::bigint IS NULL OR e.id < ${filter.after})
      ORDER BY e.id DESC LIMIT ${filter.limit}`,
  ];
}

export interface EmojiFields {
  shortcode: string;
  domain: string | null;
  image_key: string | null;
  image_static_key: string | null;
  image_content_type: string | null;
  image_remote_url: string | null;
  uri: string | null;
  category_id: string | null;
}

/** Inserts an emoji; null when the shortcode is taken on that domain. */
export async function insertEmoji(
  db: Queryable,
  fields: EmojiFields,
): Promise<EmojiRow | null> {
  const [row] = await db<{ id: string }[]>`
    INSERT INTO custom_emojis (shortcode, domain, image_key, image_static_key,
      image_content_type, image_remote_url, uri, category_id)
    VALUES (${fields.shortcode}, ${fields.domain}, ${fields.image_key},
      ${fields.image_static_key}, ${fields.image_content_type},
      ${fields.image_remote_url}, ${fields.uri}, ${fields.category_id})
    ON CONFLICT (shortcode, coalesce(domain, '')) DO NOTHING
    RETURNING id`;
  return row ? await findEmoji(db, row.id) : null;
}

/** A remote emoji's image and id as its server now states them (new or changed). */
export async function upsertRemoteEmoji(
  db: Queryable,
  fields: {
    shortcode: string;
    domain: string;
    url: string;
    uri: string | null;
  },
): Promise<void> {
  await db`
    INSERT INTO custom_emojis (shortcode, domain, image_remote_url, uri)
    VALUES (${fields.shortcode}, ${fields.domain}, ${fields.url}, ${fields.uri})
    ON CONFLICT (shortcode, coalesce(domain, '')) DO UPDATE
      SET image_remote_url = excluded.image_remote_url, uri = excluded.uri,
          updated_at = now()
      WHERE custom_emojis.image_remote_url IS DISTINCT FROM excluded.image_remote_url
         OR custom_emojis.uri IS DISTINCT FROM excluded.uri`;
}

export async function updateEmojiRow(
  db: Queryable,
  id: string,
  changes: {
    category_id?: string | null;
    visible_in_picker?: boolean;
    disabled?: boolean;
  },
): Promise<void> {
  const columns = Object.keys(changes) as (keyof typeof changes)[];
  if (columns.length === 0) return;
  await db`
    UPDATE custom_emojis SET ${db(changes, ...columns)}, updated_at = now()
    WHERE id = ${id}`;
}

export async function deleteEmojiRow(db: Queryable, id: string): Promise<void> {
  await db`DELETE FROM custom_emojis WHERE id = ${id}`;
}

export async function allCategories(db: Queryable): Promise<CategoryRow[]> {
  return [
    ...await db<CategoryRow[]>`
      SELECT id, name FROM custom_emoji_categories ORDER BY name`,
  ];
}

/** The category of that name, made if new. */
export async function categoryNamed(
  db: Queryable,
  name: string,
): Promise<CategoryRow> {
  const [row] = await db<CategoryRow[]>`
    INSERT INTO custom_emoji_categories (name) VALUES (${name})
    ON CONFLICT (name) DO UPDATE SET name = excluded.name
    RETURNING id, name`;
  return row;
}
