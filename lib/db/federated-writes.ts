/**
 * SQL for writes only the inbox makes: remote media rows (attached by `insertStatus` through
 * `mediaIds`) and reports from other servers (`Flag`). Everything else the inbox writes goes
 * through the same domain functions the API uses.
 */
import type { Queryable } from "./client.ts";

export interface RemoteMediaRow {
  type: string;
  content_type: string | null;
  remote_url: string;
  description: string | null;
  blurhash: string | null;
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
    const meta = m.width && m.height
      ? {
        original: {
          width: m.width,
          height: m.height,
          aspect: m.width / m.height,
        },
      }
      : {};
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

/** Inserts a report unless its URI is known; true when inserted. */
export async function insertReport(
  db: Queryable,
  r: {
    account_id: string;
    target_account_id: string;
    status_ids: string[];
    comment: string;
    uri: string | null;
  },
): Promise<boolean> {
  const rows = await db`
    INSERT INTO reports (account_id, target_account_id, status_ids, comment, uri)
    VALUES (${r.account_id}, ${r.target_account_id}, ${r.status_ids}::bigint[], ${r.comment},
      ${r.uri})
    ON CONFLICT DO NOTHING RETURNING id`;
  return rows.length > 0;
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

/** Those of `ids` that are statuses by `accountId`. */
export async function statusIdsOwnedBy(
  db: Queryable,
  ids: string[],
  accountId: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db<{ id: string }[]>`
    SELECT id FROM statuses WHERE id = ANY(${ids}::bigint[]) AND account_id = ${accountId}`;
  return rows.map((r) => r.id);
}
