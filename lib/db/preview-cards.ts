/** Preview cards (migration 0033): one row per URL, and the card each status shows. */
import type { Queryable } from "./client.ts";

export interface PreviewCardRow {
  id: string;
  url: string;
  title: string;
  description: string;
  type: "link" | "photo" | "video";
  author_name: string;
  author_url: string;
  provider_name: string;
  provider_url: string;
  image_key: string | null;
  image_width: number;
  image_height: number;
  image_description: string;
  blurhash: string | null;
  published_at: Date | null;
  fetched_at: Date;
}

export type PreviewCardInput = Omit<PreviewCardRow, "id" | "fetched_at">;

/** The card for `url` if it was fetched after `since` (a fresher fetch is not needed). */
export async function findFreshCard(
  db: Queryable,
  url: string,
  since: Date,
): Promise<PreviewCardRow | null> {
  const [row] = await db<PreviewCardRow[]>`
    SELECT * FROM preview_cards WHERE url = ${url} AND fetched_at > ${since}`;
  return row ?? null;
}

/** Writes the card for its URL (a refetch replaces what the page said before). */
export async function upsertCard(
  db: Queryable,
  card: PreviewCardInput,
): Promise<PreviewCardRow> {
  const [row] = await db<PreviewCardRow[]>`
    INSERT INTO preview_cards ${db(card)}
    ON CONFLICT (url) DO UPDATE SET
      title = excluded.title, description = excluded.description, type = excluded.type,
      author_name = excluded.author_name, author_url = excluded.author_url,
      provider_name = excluded.provider_name, provider_url = excluded.provider_url,
      image_key = excluded.image_key, image_width = excluded.image_width,
      image_height = excluded.image_height, image_description = excluded.image_description,
      blurhash = excluded.blurhash, published_at = excluded.published_at, fetched_at = now()
    RETURNING *`;
  return row;
}

/**
 * Shows `cardId` on the status (replacing another). False when nothing changed: the status is
 * gone or already shows that card.
 */
export async function attachCard(
  db: Queryable,
  statusId: string,
  cardId: string,
): Promise<boolean> {
  const rows = await db`
    INSERT INTO preview_cards_statuses (status_id, preview_card_id)
    SELECT id, ${cardId} FROM statuses WHERE id = ${statusId}
    ON CONFLICT (status_id) DO UPDATE SET preview_card_id = excluded.preview_card_id
      WHERE preview_cards_statuses.preview_card_id <> excluded.preview_card_id
    RETURNING status_id`;
  return rows.length > 0;
}

/** The status no longer shows a card (an edit removed its link). */
export async function detachCard(
  db: Queryable,
  statusId: string,
): Promise<void> {
  await db`DELETE FROM preview_cards_statuses WHERE status_id = ${statusId}`;
}

/** Cards by URL, for trending links. */
export async function cardsByUrl(
  db: Queryable,
  urls: string[],
): Promise<Map<string, PreviewCardRow>> {
  if (urls.length === 0) return new Map();
  const rows = await db<PreviewCardRow[]>`
    SELECT * FROM preview_cards WHERE url = ANY(${urls}::text[])`;
  return new Map(rows.map((r) => [r.url, r]));
}
