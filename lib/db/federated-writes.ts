/**
 * SQL for writes only the inbox makes: remote media rows (attached by `insertStatus` through
 * `mediaIds`). Everything else the inbox writes goes through the same domain functions the API
 * uses (reports from other servers: `lib/db/reports.ts`).
 */
import type { Queryable } from "./client.ts";

export interface RemoteMediaRow {
  type: string;
  content_type: string | null;
  remote_url: string;
  description: string | null;
  blurhash: string | null;
  focus: { x: number; y: number } | null;
  width: number | null;
  height: number | null;
}

/** Unattached media rows owned by `accountId`, in order; returns their ids. */
export async function insertRemoteMedia(
  db: Queryable,
  accountId: string,
  media: RemoteMediaRow[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [position, m] of media.entries()) {
    const meta = {
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
    };
    const [row] = await db<{ id: string }[]>`
      INSERT INTO media_attachments (account_id, type, content_type, remote_url, description,
        blurhash, meta, position)
      VALUES (${accountId}, ${m.type}, ${m.content_type}, ${m.remote_url}, ${m.description},
        ${m.blurhash}, ${db.json(meta)}, ${position})
      RETURNING id`;
    ids.push(row.id);
  }
  return ids;
}

/** Local accounts' ids among `ids`. */
export async function localAccountIds(
  db: Queryable,
  ids: string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db<{ id: string }[]>`
    SELECT id FROM accounts WHERE id = ANY(${ids}::bigint[]) AND domain IS NULL`;
  return rows.map((r) => r.id);
}
