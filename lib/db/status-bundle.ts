/**
 * Everything needed to render a page of statuses, loaded in a constant number of queries
 * whatever the page size: the reblogged originals, authors, mentions, tags, media, polls,
 * applications, and the viewer's flags and votes.
 */
import type { Queryable } from "./client.ts";
import type { AccountRow } from "./accounts.ts";
import type { StatusRow } from "./statuses.ts";
import { findStatusesByIds } from "./statuses.ts";
import { loadViewerFlags, type ViewerFlags } from "./interactions.ts";
import { findPollsByIds, loadOwnVotes, type PollRow } from "./polls.ts";

export interface MentionRow {
  status_id: string;
  account_id: string;
  username: string;
  domain: string | null;
  url: string | null;
  uri: string | null;
}

export interface MediaRow {
  id: string;
  account_id: string;
  status_id: string | null;
  type: string;
  content_type: string | null;
  file_key: string | null;
  preview_key: string | null;
  remote_url: string | null;
  description: string | null;
  blurhash: string | null;
  meta: Record<string, unknown>;
  processing: string;
  position: number;
}

export interface StatusBundle {
  /** The rows asked for plus the originals of reblogs among them, by id. */
  statuses: Map<string, StatusRow>;
  accounts: Map<string, AccountRow>;
  mentions: Map<string, MentionRow[]>;
  tags: Map<string, string[]>;
  media: Map<string, MediaRow[]>;
  polls: Map<string, PollRow>;
  applications: Map<string, { name: string; website: string | null }>;
  flags: ViewerFlags | null;
  ownVotes: Map<string, number[]>;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export async function loadStatusBundle(
  db: Queryable,
  rows: StatusRow[],
  viewerId: string | null,
  extraAccountIds: string[] = [],
): Promise<StatusBundle> {
  const statuses = new Map(rows.map((s) => [s.id, s]));
  const missing = [
    ...new Set(
      rows.map((s) => s.reblog_of_id).filter((id): id is string =>
        id !== null && !statuses.has(id)
      ),
    ),
  ];
  for (const original of await findStatusesByIds(db, missing)) {
    statuses.set(original.id, original);
  }
  const all = [...statuses.values()];
  const ids = all.map((s) => s.id);
  const accountIds = [
    ...new Set([...all.map((s) => s.account_id), ...extraAccountIds]),
  ];
  const pollIds = [
    ...new Set(all.map((s) => s.poll_id).filter((id): id is string => !!id)),
  ];
  const appIds = [
    ...new Set(
      all.map((s) => s.application_id).filter((id): id is string => !!id),
    ),
  ];
  const [accounts, mentions, tags, media, polls, apps, flags, ownVotes] =
    await Promise.all([
      accountIds.length
        ? db<
          AccountRow[]
        >`SELECT * FROM accounts WHERE id = ANY(${accountIds}::bigint[])`
        : [],
      ids.length
        ? db<MentionRow[]>`
        SELECT m.status_id, a.id AS account_id, a.username, a.domain, a.url, a.uri
        FROM mentions m JOIN accounts a ON a.id = m.account_id
        WHERE m.status_id = ANY(${ids}::bigint[]) ORDER BY m.id`
        : [],
      ids.length
        ? db<{ status_id: string; name: string }[]>`
        SELECT st.status_id, t.name FROM statuses_tags st JOIN tags t ON t.id = st.tag_id
        WHERE st.status_id = ANY(${ids}::bigint[]) ORDER BY t.name`
        : [],
      ids.length
        ? db<MediaRow[]>`
        SELECT * FROM media_attachments WHERE status_id = ANY(${ids}::bigint[])
        ORDER BY position, id`
        : [],
      findPollsByIds(db, pollIds),
      appIds.length
        ? db<{ id: string; name: string; website: string | null }[]>`
        SELECT id, name, website FROM oauth_applications WHERE id = ANY(${appIds}::bigint[])`
        : [],
      viewerId ? loadViewerFlags(db, viewerId, ids) : null,
      viewerId
        ? loadOwnVotes(db, viewerId, pollIds)
        : new Map<string, number[]>(),
    ]);
  return {
    statuses,
    accounts: new Map(accounts.map((a) => [a.id, a])),
    mentions: groupBy([...mentions], (m) => m.status_id),
    tags: new Map(
      [...groupBy([...tags], (t) => t.status_id)].map((
        [k, v],
      ) => [k, v.map((t) => t.name)]),
    ),
    media: groupBy([...media], (m) => m.status_id ?? ""),
    polls: new Map(polls.map((p) => [p.id, p])),
    applications: new Map(
      apps.map((a) => [a.id, { name: a.name, website: a.website }]),
    ),
    flags,
    ownVotes,
  };
}

export async function findMediaByIds(
  db: Queryable,
  ids: string[],
): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return [
    ...await db<
      MediaRow[]
    >`SELECT * FROM media_attachments WHERE id = ANY(${ids}::bigint[])`,
  ];
}
