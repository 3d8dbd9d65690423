/**
 * The links statuses carry (`status_links`, migration 0019), kept with the status's content, and
 * the link timeline read from them by URL.
 */
import type { Queryable } from "./client.ts";
import type { StatusRow } from "./statuses.ts";
import { newestFirst, type Page, paging } from "./timelines.ts";
import { authorShownSql, notSilencedSql, visibleToSql } from "./visibility.ts";

/** Sets the status's links to `urls` (normalised by `lib/text/links.ts`). */
export async function replaceLinks(
  db: Queryable,
  statusId: string,
  urls: string[],
  options: { fresh?: boolean } = {},
): Promise<void> {
  if (!options.fresh) {
    await db`DELETE FROM status_links WHERE status_id = ${statusId}`;
  }
  if (urls.length === 0) return;
  await db`
    INSERT INTO status_links (url, status_id)
    SELECT url, ${statusId} FROM unnest(${urls}::text[]) AS url
    ON CONFLICT DO NOTHING`;
}

/**
 * Public original posts linking to `url`, by discoverable authors (Mastodon's LinkFeed), newest
 * first, with the public timeline's hygiene (blocks, mutes, silenced authors).
 */
export async function linkTimeline(
  db: Queryable,
  viewerId: string | null,
  url: string,
  page: Page,
): Promise<StatusRow[]> {
  const { where, tail } = paging(db, "l.status_id", page);
  const rows = await db<StatusRow[]>`
    SELECT s.* FROM status_links l
    JOIN statuses s ON s.id = l.status_id
    JOIN accounts a ON a.id = s.account_id AND a.discoverable
    LEFT JOIN statuses r ON FALSE
    WHERE l.url = ${url} ${where}
      AND s.visibility = 'public' AND s.reblog_of_id IS NULL
      AND ${visibleToSql(db, viewerId)} AND ${notSilencedSql(db, viewerId)}
      AND ${authorShownSql(db, viewerId)}
    ${tail}`;
  return newestFirst(rows, page);
}
