/**
 * SQL for trend publishers: the sites (hosts) trending links come from, each with a lasting id
 * for the admin API, and their review (`trend_reviews`, kind `publisher`).
 */
import type { Queryable } from "./client.ts";

export interface PublisherRow {
  id: string;
  host: string;
  trendable: boolean | null;
  reviewed_at: Date | null;
  created_at: Date;
}

/** Records the hosts of trending links (each keeps its id). */
export async function ensurePublishers(
  db: Queryable,
  hosts: string[],
): Promise<void> {
  if (hosts.length === 0) return;
  await db`INSERT INTO trend_publishers (host)
           SELECT DISTINCT unnest(${hosts}::text[]) ON CONFLICT (host) DO NOTHING`;
}

/** The publishers of links trending now (best link first), with their review. */
export async function listPublishers(
  db: Queryable,
  o: { offset: number; limit: number },
): Promise<PublisherRow[]> {
  return [
    ...await db<PublisherRow[]>`
    SELECT p.id::text AS id, p.host, r.trendable, r.reviewed_at, p.created_at
    FROM trend_publishers p
    JOIN LATERAL (SELECT max(t.score) AS score FROM trends t WHERE t.kind = 'link'
                  AND lower(substring(t.key from '^[a-z]+://([^/:?#]+)')) = p.host) best
      ON best.score IS NOT NULL
    LEFT JOIN trend_reviews r ON r.kind = 'publisher' AND r.key = p.host
    ORDER BY best.score DESC, p.id
    OFFSET ${o.offset} LIMIT ${o.limit}`,
  ];
}

export async function findPublisher(
  db: Queryable,
  by: { id: string } | { host: string },
): Promise<PublisherRow | null> {
  if ("id" in by && !/^\d{1,19}$/.test(by.id)) return null;
  const [row] = await db<PublisherRow[]>`
    SELECT p.id::text AS id, p.host, r.trendable, r.reviewed_at, p.created_at
    FROM trend_publishers p
    LEFT JOIN trend_reviews r ON r.kind = 'publisher' AND r.key = p.host
    WHERE ${"id" in by ? db`p.id = ${by.id}` : db`p.host = ${by.host}`}`;
  return row ?? null;
}
