/**
 * Everything needed to render a page of statuses, loaded in one statement whatever the page
 * size: the reblogged originals, authors, mentions, tags, media, polls, applications, and the
 * viewer's flags and votes.
 */
import type postgres from "postgres";
import type { Queryable } from "./client.ts";
import type { AccountRow } from "./accounts.ts";
import type { StatusRow } from "./statuses.ts";
import type { ViewerFlags } from "./interactions.ts";
import type { PreviewCardRow } from "./preview-cards.ts";
import type { PollRow } from "./polls.ts";
import { splitJoined } from "./joined.ts";
import {
  activeFiltersColumn,
  type FilterWithKeywords,
  parseFilters,
} from "./filters.ts";

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
  /** Held by a scheduled status (migration 0014); absent where a query doesn't select it. */
  scheduled_status_id?: string | null;
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

/** A status's hashtag: `name` is the lowercase key, `display_name` as first written. */
export interface TagName {
  name: string;
  display_name: string;
}

export interface StatusBundle {
  /** The rows asked for plus the originals of reblogs among them, by id. */
  statuses: Map<string, StatusRow>;
  accounts: Map<string, AccountRow>;
  mentions: Map<string, MentionRow[]>;
  tags: Map<string, TagName[]>;
  media: Map<string, MediaRow[]>;
  polls: Map<string, PollRow>;
  applications: Map<string, { name: string; website: string | null }>;
  flags: ViewerFlags | null;
  ownVotes: Map<string, number[]>;
  /** The viewer's active filters of the context asked for (none when none was). */
  filters: FilterWithKeywords[];
  /** The preview card each status shows (migration 0033), by status id. */
  cards: Map<string, PreviewCardRow>;
}

/** The viewer-independent and viewer-dependent extras of one status, as computed columns. */
interface StatusExtras {
  _tags: TagName[] | null;
  _mentions: Omit<MentionRow, "status_id">[] | null;
  _media: MediaRow[] | null;
  _app_name: string | null;
  _app_website: string | null;
  _card: PreviewCardRow | null;
  /** The viewer's filters (`activeFiltersColumn`), on the page's first status only. */
  _filters?: Parameters<typeof parseFilters>[0];
}

/** The viewer's relation to one status, as computed columns (`viewerFlagColumns`). */
export interface FlagColumns {
  _own_votes: number[];
  _favourited: boolean;
  _reblogged: boolean;
  _bookmarked: boolean;
  _pinned: boolean;
  _muted: boolean;
}

/**
 * The viewer's flags and poll votes on the status aliased `st`, as columns; `viewer` is a
 * fragment: a parameter (one viewer) or a column (many viewers side by side).
 */
function viewerFlagColumns(
  db: Queryable,
  viewer: postgres.PendingQuery<postgres.Row[]>,
) {
  return db`
    ARRAY(
      SELECT v.choice FROM poll_votes v
      WHERE v.poll_id = st.poll_id AND v.account_id = ${viewer} ORDER BY v.choice
    ) AS _own_votes,
    EXISTS (
      SELECT 1 FROM favourites f WHERE f.account_id = ${viewer} AND f.status_id = st.id
    ) AS _favourited,
    EXISTS (
      SELECT 1 FROM statuses b WHERE b.account_id = ${viewer} AND b.reblog_of_id = st.id
    ) AS _reblogged,
    EXISTS (
      SELECT 1 FROM bookmarks k WHERE k.account_id = ${viewer} AND k.status_id = st.id
    ) AS _bookmarked,
    EXISTS (
      SELECT 1 FROM status_pins sp WHERE sp.account_id = ${viewer} AND sp.status_id = st.id
    ) AS _pinned,
    EXISTS (
      SELECT 1 FROM conversation_mutes cm
      WHERE cm.account_id = ${viewer} AND cm.conversation_id = st.conversation_id
    ) AS _muted`;
}

function emptyFlags(): ViewerFlags {
  return {
    favourited: new Set(),
    reblogged: new Set(),
    bookmarked: new Set(),
    pinned: new Set(),
    muted: new Set(),
  };
}

function addFlags(
  flags: ViewerFlags,
  ownVotes: Map<string, number[]>,
  status: { id: string; poll_id: string | null },
  columns: FlagColumns,
) {
  if (columns._favourited) flags.favourited.add(status.id);
  if (columns._reblogged) flags.reblogged.add(status.id);
  if (columns._bookmarked) flags.bookmarked.add(status.id);
  if (columns._pinned) flags.pinned.add(status.id);
  if (columns._muted) flags.muted.add(status.id);
  if (status.poll_id && columns._own_votes.length) {
    ownVotes.set(status.poll_id, columns._own_votes);
  }
}

/**
 * Many viewers' flags on the same statuses in one statement (the streaming API renders a new
 * status once, then gives each subscriber their own flags).
 */
export async function loadViewersFlags(
  db: Queryable,
  statusIds: string[],
  viewerIds: string[],
): Promise<Map<string, Pick<StatusBundle, "flags" | "ownVotes">>> {
  const byViewer = new Map(
    viewerIds.map((id) => [id, { flags: emptyFlags(), ownVotes: new Map() }]),
  );
  if (statusIds.length === 0 || viewerIds.length === 0) return byViewer;
  const rows = await db<
    ({ viewer_id: string; id: string; poll_id: string | null } & FlagColumns)[]
  >`
    SELECT viewer.id::text AS viewer_id, st.id, st.poll_id,
      ${viewerFlagColumns(db, db`viewer.id`)}
    FROM unnest(${viewerIds}::bigint[]) AS viewer(id)
    CROSS JOIN statuses st WHERE st.id = ANY(${statusIds}::bigint[])`;
  for (const row of rows) {
    const entry = byViewer.get(row.viewer_id)!;
    addFlags(entry.flags!, entry.ownVotes, row, row);
  }
  return byViewer;
}

/**
 * One statement for the whole page: every status asked for and the originals of the reblogs
 * among them, each with its author, poll, application, tags, mentions, media and the viewer's
 * flags (ids inside JSON are cast to text: they don't fit a JSON number) — and, given a filter
 * context, the viewer's active filters of it.
 */
export async function loadStatusBundle(
  db: Queryable,
  rows: Pick<StatusRow, "id" | "reblog_of_id">[],
  viewerId: string | null,
  extraAccountIds: string[] = [],
  filterContext?: string,
): Promise<StatusBundle> {
  const pageIds = rows.map((s) => s.id);
  // The page and the originals of the reblogs on it.
  const wanted = [
    ...new Set([
      ...pageIds,
      ...rows.flatMap((s) => s.reblog_of_id ? [s.reblog_of_id] : []),
    ]),
  ];
  const [joined, extraAccounts] = await Promise.all([
    pageIds.length
      ? db`
      SELECT st.*, a.*, p.*,
        -- subqueries, not a join: a joined table's columns would start a segment of their own
        (SELECT name FROM oauth_applications WHERE id = st.application_id) AS _app_name,
        (SELECT website FROM oauth_applications WHERE id = st.application_id) AS _app_website,
        (
          SELECT json_agg(json_build_object('name', t.name, 'display_name', t.display_name)
            ORDER BY t.name)
          FROM statuses_tags x JOIN tags t ON t.id = x.tag_id WHERE x.status_id = st.id
        ) AS _tags,
        (
          SELECT json_agg(json_build_object(
            'account_id', ma.id::text, 'username', ma.username, 'domain', ma.domain,
            'url', ma.url, 'uri', ma.uri) ORDER BY m.id)
          FROM mentions m JOIN accounts ma ON ma.id = m.account_id
          WHERE m.status_id = st.id
        ) AS _mentions,
        (
          SELECT json_agg(json_build_object(
            'id', ma.id::text, 'account_id', ma.account_id::text,
            'status_id', ma.status_id::text, 'type', ma.type,
            'content_type', ma.content_type, 'file_key', ma.file_key,
            'preview_key', ma.preview_key, 'remote_url', ma.remote_url,
            'description', ma.description, 'blurhash', ma.blurhash, 'meta', ma.meta,
            'processing', ma.processing, 'position', ma.position) ORDER BY ma.position, ma.id)
          FROM media_attachments ma WHERE ma.status_id = st.id
        ) AS _media,
        (
          SELECT row_to_json(c) FROM preview_cards_statuses pc
          JOIN preview_cards c ON c.id = pc.preview_card_id WHERE pc.status_id = st.id
        ) AS _card,
        ${viewerFlagColumns(db, db`${viewerId}::bigint`)}
        ${
        filterContext && viewerId
          ? db`, CASE WHEN st.id = ${pageIds[0]} THEN ${
            activeFiltersColumn(db, viewerId, filterContext)
          } END AS _filters`
          : db``
      }
      FROM statuses st
      LEFT JOIN accounts a ON a.id = st.account_id
      LEFT JOIN polls p ON p.id = st.poll_id
      WHERE st.id = ANY(${wanted}::bigint[])`.values()
      : [],
    extraAccountIds.length
      ? db<AccountRow[]>`
        SELECT * FROM accounts WHERE id = ANY(${extraAccountIds}::bigint[])`
      : [],
  ]);
  const bundle: StatusBundle = {
    statuses: new Map(),
    accounts: new Map(extraAccounts.map((a) => [a.id, a])),
    mentions: new Map(),
    tags: new Map(),
    media: new Map(),
    polls: new Map(),
    applications: new Map(),
    flags: viewerId ? emptyFlags() : null,
    ownVotes: new Map(),
    filters: [],
    cards: new Map(),
  };
  if (pageIds.length === 0) return bundle;
  for (const [s, a, p, x] of splitJoined(joined)) {
    const status = s as unknown as StatusRow;
    const extras = x as unknown as StatusExtras & FlagColumns;
    bundle.statuses.set(status.id, status);
    if (a) bundle.accounts.set(status.account_id, a as unknown as AccountRow);
    if (p) bundle.polls.set(status.poll_id!, p as unknown as PollRow);
    if (status.application_id && extras._app_name !== null) {
      bundle.applications.set(status.application_id, {
        name: extras._app_name,
        website: extras._app_website,
      });
    }
    if (extras._tags) bundle.tags.set(status.id, extras._tags);
    if (extras._mentions) {
      bundle.mentions.set(
        status.id,
        extras._mentions.map((m) => ({ ...m, status_id: status.id })),
      );
    }
    if (extras._media) bundle.media.set(status.id, extras._media);
    if (extras._card) bundle.cards.set(status.id, extras._card);
    if (bundle.flags) addFlags(bundle.flags, bundle.ownVotes, status, extras);
    if (extras._filters) bundle.filters = parseFilters(extras._filters);
  }
  return bundle;
}

/** One status's row version and the viewer's relation to it (`loadStatusVersions`). */
export interface StatusVersion {
  id: string;
  /**
   * Changes whenever anything the status's viewer-independent JSON is built from changes: the
   * `xmin` (the transaction that wrote the row version) of the status, its author, its poll,
   * its application, each media attachment, preview card, tag link and mentioned account. A row
   * updated in any way gets a new `xmin`; a row added or removed changes the list.
   */
  version: string;
  /** Rendered per viewer every time: a sensitized author's (sensitive to all but the author). */
  per_viewer: boolean;
  flags: FlagColumns | null;
}

/**
 * The versions of `ids` and the viewer's flags on them, plus (given a filter context) the
 * viewer's active filters: what a page needs when each status's JSON is already rendered.
 * Narrow rows: no status, account or attachment columns are read back.
 */
export async function loadStatusVersions(
  db: Queryable,
  ids: string[],
  viewerId: string | null,
  filterContext?: string,
): Promise<
  { versions: Map<string, StatusVersion>; filters: FilterWithKeywords[] }
> {
  const versions = new Map<string, StatusVersion>();
  if (ids.length === 0) return { versions, filters: [] };
  const rows = await db<
    ({
      id: string;
      poll_id: string | null;
      _version: string;
      _per_viewer: boolean;
      _filters?: Parameters<typeof parseFilters>[0];
    } & FlagColumns)[]
  >`
    SELECT st.id, st.poll_id,
      concat_ws('/', st.row_version, a.xmin, p.xmin,
        (SELECT o.xmin FROM oauth_applications o WHERE o.id = st.application_id),
        (SELECT string_agg(m.xmin::text, ',' ORDER BY m.id)
          FROM media_attachments m WHERE m.status_id = st.id),
        (SELECT string_agg(pc.xmin::text || ':' || c.xmin::text, ',')
          FROM preview_cards_statuses pc JOIN preview_cards c ON c.id = pc.preview_card_id
          WHERE pc.status_id = st.id),
        (SELECT string_agg(x.xmin::text, ',' ORDER BY x.tag_id)
          FROM statuses_tags x WHERE x.status_id = st.id),
        (SELECT string_agg(m.xmin::text || ':' || ma.xmin::text, ',' ORDER BY m.id)
          FROM mentions m JOIN accounts ma ON ma.id = m.account_id WHERE m.status_id = st.id)
      ) AS _version,
      a.sensitized_at IS NOT NULL AS _per_viewer
      ${
    viewerId ? db`, ${viewerFlagColumns(db, db`${viewerId}::bigint`)}` : db``
  }
      ${
    filterContext && viewerId
      ? db`, CASE WHEN st.id = ${ids[0]} THEN ${
        activeFiltersColumn(db, viewerId, filterContext)
      } END AS _filters`
      : db``
  }
    -- One primary-key lookup per id (OFFSET 0: not flattened): unanalysed, "id = ANY(…)" was
    -- planned as a bitmap scan of statuses.
    FROM unnest(${ids}::bigint[]) AS wanted(id)
    CROSS JOIN LATERAL (
      SELECT id, account_id, poll_id, application_id, conversation_id, xmin AS row_version
      FROM statuses WHERE id = wanted.id OFFSET 0) st
    JOIN accounts a ON a.id = st.account_id
    LEFT JOIN polls p ON p.id = st.poll_id`;
  let filters: FilterWithKeywords[] = [];
  for (const row of rows) {
    versions.set(row.id, {
      id: row.id,
      version: row._version,
      per_viewer: row._per_viewer,
      flags: viewerId ? row : null,
    });
    if (row._filters) filters = parseFilters(row._filters);
  }
  return { versions, filters };
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
