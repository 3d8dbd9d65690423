/** SQL for media attachments: uploads, their edits before posting, and clean-up. */
import type { Queryable } from "./client.ts";
import type { MediaRow } from "./status-bundle.ts";

export type { MediaRow };

export interface NewMediaRow {
  account_id: string;
  type: string;
  content_type: string;
  file_key: string;
  preview_key: string | null;
  description: string | null;
  blurhash: string | null;
  meta: Record<string, unknown>;
  file_size: number;
  processing: string;
}

export async function insertMedia(
  db: Queryable,
  m: NewMediaRow,
): Promise<MediaRow> {
  const [row] = await db<MediaRow[]>`
    INSERT INTO media_attachments (account_id, type, content_type, file_key, preview_key,
      description, blurhash, meta, file_size, processing)
    VALUES (${m.account_id}, ${m.type}, ${m.content_type}, ${m.file_key}, ${m.preview_key},
      ${m.description}, ${m.blurhash}, ${
    db.json(m.meta as never)
  }, ${m.file_size},
      ${m.processing})
    RETURNING *`;
  return row;
}

export async function findMediaById(
  db: Queryable,
  id: string,
): Promise<MediaRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<MediaRow[]>`
    SELECT * FROM media_attachments WHERE id = ${id}`;
  return row ?? null;
}

export async function updateMediaFields(
  db: Queryable,
  id: string,
  changes: {
    description?: string | null;
    meta?: Record<string, unknown>;
    preview_key?: string | null;
    blurhash?: string | null;
    processing?: string;
  },
): Promise<MediaRow> {
  const [row] = await db<MediaRow[]>`
    UPDATE media_attachments SET
      description = ${
    changes.description === undefined ? db`description` : changes.description
  },
      meta = ${
    changes.meta === undefined ? db`meta` : db.json(changes.meta as never)
  },
      preview_key = ${
    changes.preview_key === undefined ? db`preview_key` : changes.preview_key
  },
      blurhash = ${
    changes.blurhash === undefined ? db`blurhash` : changes.blurhash
  },
      processing = ${
    changes.processing === undefined ? db`processing` : changes.processing
  },
      updated_at = now()
    WHERE id = ${id}
    RETURNING *`;
  return row;
}

/** Local uploads never attached to a status, created before `before`; oldest first. */
export async function unattachedMediaBefore(
  db: Queryable,
  before: Date,
  limit: number,
): Promise<
  { id: string; file_key: string | null; preview_key: string | null }[]
> {
  return await db`
    SELECT id, file_key, preview_key FROM media_attachments
    WHERE status_id IS NULL AND created_at < ${before} AND file_key IS NOT NULL
      AND scheduled_status_id IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM status_edits e WHERE media_attachments.id = ANY(e.media_ids))
    ORDER BY created_at LIMIT ${limit}`;
}

export async function countUnattachedMediaBefore(
  db: Queryable,
  before: Date,
): Promise<number> {
  const [row] = await db<{ count: string }[]>`
    SELECT count(*) FROM media_attachments
    WHERE status_id IS NULL AND created_at < ${before} AND file_key IS NOT NULL
      AND scheduled_status_id IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM status_edits e WHERE media_attachments.id = ANY(e.media_ids))`;
  return Number(row.count);
}

export async function deleteMediaRow(db: Queryable, id: string): Promise<void> {
  await db`DELETE FROM media_attachments WHERE id = ${id} AND status_id IS NULL`;
}

/** A remote post's attachment: linked at its own URL, not copied. */
export interface RemoteMediaRow {
  type: string;
  content_type: string | null;
  remote_url: string;
  description: string | null;
  blurhash: string | null;
  /** Mastodon's focal point (`focalPoint`), shown as `meta.focus`. */
  focus: { x: number; y: number } | null;
  width: number | null;
  height: number | null;
}

/** Stores a remote status's attachments in order, in one statement; returns their ids. */
export async function insertRemoteMedia(
  db: Queryable,
  accountId: string,
  statusId: string,
  media: RemoteMediaRow[],
): Promise<string[]> {
  if (media.length === 0) return [];
  const metas = media.map((m) =>
    JSON.stringify({
      ...(m.width && m.height
        ? {
          original: {
            width: m.width,
            height: m.height,
            aspect: m.width / m.height,
          },
        }
        : {}),
      ...(m.focus ? { focus: m.focus } : {}),
    })
  );
  const rows = await db<{ id: string; position: number }[]>`
    INSERT INTO media_attachments (account_id, status_id, type, content_type, remote_url,
      description, blurhash, meta, position)
    SELECT ${accountId}, ${statusId}, m.type, m.content_type, m.remote_url, m.description,
      m.blurhash, m.meta::jsonb, m.n - 1
    FROM unnest(${media.map((m) => m.type)}::text[],
      ${media.map((m) => m.content_type)}::text[], ${
    media.map((m) => m.remote_url)
  }::text[],
      ${media.map((m) => m.description)}::text[], ${
    media.map((m) => m.blurhash)
  }::text[], ${metas}::text[])
      WITH ORDINALITY AS m(type, content_type, remote_url, description, blurhash, meta, n)
    RETURNING id, position`;
  return [...rows].sort((a, b) => a.position - b.position).map((r) => r.id);
}

/** Attachments by where their bytes are: attached uploads, uploads waiting, remote links. */
export interface MediaUsageRow {
  kind: "attached" | "unattached" | "remote";
  count: number;
  bytes: string;
}

export async function mediaUsage(db: Queryable): Promise<MediaUsageRow[]> {
  return [
    ...await db<MediaUsageRow[]>`
    SELECT CASE WHEN remote_url IS NOT NULL AND file_key IS NULL THEN 'remote'
                WHEN status_id IS NULL THEN 'unattached'
                ELSE 'attached' END AS kind,
           count(*)::int AS count, coalesce(sum(file_size), 0)::text AS bytes
    FROM media_attachments GROUP BY 1 ORDER BY 1`,
  ];
}
