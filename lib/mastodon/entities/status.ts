/**
 * The Status entity (docs.joinmastodon.org/entities/Status), with reblog nesting and the
 * viewer's flags. `renderStatuses` renders a whole page from one `loadStatusBundle` — a
 * constant number of queries however many statuses there are.
 */
import type { Queryable } from "../../db/client.ts";
import type { StatusRow } from "../../db/statuses.ts";
import {
  loadStatusBundle,
  loadViewersFlags,
  type MediaRow,
  type StatusBundle,
} from "../../db/status-bundle.ts";
import type { PollRow } from "../../db/polls.ts";
import {
  type FilterContext,
  type FilterWithKeywords,
  matchFilters,
} from "../../domain/filters.ts";
import { accountJson } from "./account.ts";
import { filterResultJson } from "./filter.ts";
import { pollJson } from "./poll.ts";
import { previewCardJson } from "./preview-card.ts";
import {
  accountEmojis,
  type EmojiIndex,
  emojiIndexOfBundle,
} from "../../emoji/mod.ts";
import type {
  MediaAttachment,
  PreviewCard,
  Status,
  StatusMention,
  StatusTag,
} from "./types.ts";

export interface RenderOptions {
  sql: Queryable;
  origin: string;
  viewerId: string | null;
  /** The media storage's URL function (`deps.media.url`); see `mediaJson`. */
  mediaUrl?: (key: string) => string;
  /** Apply the viewer's filters of this context: adds `filtered`, drops `hide` matches. */
  filterContext?: FilterContext;
}

/**
 * `fileUrl` is the storage's URL function (`deps.media.url`); without it, files are linked at
 * `/media/<key>` on this server, which serves them (local storage) or redirects to the bucket.
 */
export function mediaJson(
  media: MediaRow,
  origin: string,
  fileUrl: (key: string) => string = (key) => `${origin}/media/${key}`,
): MediaAttachment {
  const url = media.file_key ? fileUrl(media.file_key) : media.remote_url;
  const preview = media.preview_key
    ? fileUrl(media.preview_key)
    : media.type === "image"
    ? url
    : null;
  return {
    id: media.id,
    type: media.type,
    url: media.processing === "done" ? url : null,
    preview_url: preview,
    remote_url: media.file_key ? null : media.remote_url,
    meta: media.meta ?? {},
    description: media.description,
    blurhash: media.blurhash,
  };
}

function cardOf(
  statusId: string,
  bundle: StatusBundle,
  options: RenderOptions,
): PreviewCard | null {
  const card = bundle.cards.get(statusId);
  return card
    ? previewCardJson(
      card,
      options.mediaUrl ?? ((key) => `${options.origin}/media/${key}`),
    )
    : null;
}

export function tagJson(name: string, origin: string): StatusTag {
  return { name, url: `${origin}/tags/${encodeURIComponent(name)}` };
}

/** The custom emoji a bundle's statuses and their authors may show, in one query. */
export function loadBundleEmojis(
  bundle: StatusBundle,
  options: Pick<RenderOptions, "sql" | "origin" | "mediaUrl">,
): Promise<EmojiIndex> {
  return emojiIndexOfBundle(options.sql, fileUrlOf(options), bundle);
}

/** The storage's URL function, or `/media/<key>` on this server. */
export function fileUrlOf(
  options: Pick<RenderOptions, "origin" | "mediaUrl">,
): (key: string) => string {
  return options.mediaUrl ?? ((key) => `${options.origin}/media/${key}`);
}

/** One status from a loaded bundle (its boosted original already rendered); null without author. */
export function renderOne(
  status: StatusRow,
  bundle: StatusBundle,
  options: RenderOptions,
  reblog: Status | null,
  emojis: EmojiIndex,
): Status | null {
  const account = bundle.accounts.get(status.account_id);
  if (!account) return null;
  const { origin } = options;
  const flags = bundle.flags;
  const poll: PollRow | undefined = status.poll_id
    ? bundle.polls.get(status.poll_id)
    : undefined;
  const app = status.application_id
    ? bundle.applications.get(status.application_id)
    : undefined;
  const own = options.viewerId !== null &&
    options.viewerId === status.account_id;
  const json: Status = {
    id: status.id,
    created_at: status.created_at.toISOString(),
    in_reply_to_id: status.in_reply_to_id,
    in_reply_to_account_id: status.in_reply_to_account_id,
    // A sensitized account's posts are always sensitive to others (Mastodon's StatusSerializer).
    sensitive: status.sensitive || (!own && account.sensitized_at !== null),
    spoiler_text: status.spoiler_text,
    visibility: status.visibility,
    language: status.language,
    uri: status.uri,
    url: status.url ?? (reblog ? null : status.uri),
    replies_count: status.replies_count,
    reblogs_count: status.reblogs_count,
    favourites_count: status.favourites_count,
    quotes_count: 0,
    edited_at: status.edited_at?.toISOString() ?? null,
    content: status.content,
    reblog,
    application: app && status.local
      ? { name: app.name, website: app.website }
      : null,
    account: accountJson(
      account,
      origin,
      undefined,
      accountEmojis(emojis, account),
    ),
    media_attachments: (bundle.media.get(status.id) ?? []).map((m) =>
      mediaJson(m, origin, options.mediaUrl)
    ),
    mentions: (bundle.mentions.get(status.id) ?? []).map((
      m,
    ): StatusMention => ({
      id: m.account_id,
      username: m.username,
      acct: m.domain ? `${m.username}@${m.domain}` : m.username,
      url: m.domain ? m.url ?? m.uri ?? "" : `${origin}/@${m.username}`,
    })),
    tags: (bundle.tags.get(status.id) ?? []).map((tag) =>
      tagJson(tag.name, origin)
    ),
    emojis: emojis.find(
      account.domain,
      status.content,
      status.spoiler_text,
      ...(poll?.options ?? []),
    ),
    card: cardOf(status.id, bundle, options),
    poll: poll
      ? {
        ...pollJson(
          poll,
          bundle.ownVotes.get(poll.id) ?? null,
          options.viewerId,
        ),
        emojis: emojis.find(account.domain, ...poll.options),
      }
      : null,
  };
  if (flags) {
    json.favourited = flags.favourited.has(status.id);
    json.reblogged = flags.reblogged.has(status.id);
    json.muted = flags.muted.has(status.id);
    json.bookmarked = flags.bookmarked.has(status.id);
    if (own) json.pinned = flags.pinned.has(status.id);
  }
  return json;
}

/**
 * Renders statuses in the order given. Rows whose author is gone are dropped; with a filter
 * context, statuses matching a `hide` filter are dropped too.
 */
export async function renderStatuses(
  options: RenderOptions,
  rows: StatusRow[],
): Promise<Status[]> {
  if (rows.length === 0) return [];
  // The viewer's filters come in the bundle's statement.
  const bundle = await loadStatusBundle(
    options.sql,
    rows,
    options.viewerId,
    [],
    options.filterContext,
  );
  const emojis = await loadBundleEmojis(bundle, options);
  return renderLoaded(bundle, rows, options, emojis, bundle.filters);
}

/** The rendering half of `renderStatuses`, for rows whose bundle is loaded. */
function renderLoaded(
  bundle: StatusBundle,
  rows: StatusRow[],
  options: RenderOptions,
  emojis: EmojiIndex,
  filters: FilterWithKeywords[] = [],
): Status[] {
  const out: Status[] = [];
  for (const row of rows) {
    let reblog: Status | null = null;
    if (row.reblog_of_id) {
      const original = bundle.statuses.get(row.reblog_of_id);
      reblog = original
        ? renderOne(original, bundle, options, null, emojis)
        : null;
      if (!reblog) continue;
    }
    const json = renderOne(row, bundle, options, reblog, emojis);
    if (!json) continue;
    const target = row.reblog_of_id
      ? bundle.statuses.get(row.reblog_of_id)!
      : row;
    const shown = applyFilters(json, row, target, filters, options.viewerId);
    if (shown) out.push(shown);
  }
  return out;
}

/**
 * A rendered status with the viewer's filters applied (`filters` of one context): null when a
 * `hide` filter matches, else `filtered` set on it and on its boost's status. The viewer's own
 * statuses are never filtered.
 */
export function applyFilters(
  json: Status,
  row: StatusRow,
  target: StatusRow,
  filters: FilterWithKeywords[],
  viewerId: string | null,
): Status | null {
  if (filters.length === 0 || viewerId === row.account_id) return json;
  const matches = matchFilters(filters, target, [row.id, target.id]);
  if (matches.some((m) => m.filter.filter_action === "hide")) return null;
  const filtered = matches.map(filterResultJson);
  return {
    ...json,
    filtered,
    reblog: json.reblog ? { ...json.reblog, filtered } : null,
  };
}

/**
 * One status as each of several viewers sees it (null: anonymous), loaded once: what differs
 * between viewers is only their flags and poll votes, fetched for all of them in one query.
 * Visibility is the caller's business. The streaming API's fan-out uses this.
 */
export async function renderStatusForViewers(
  options: Omit<RenderOptions, "viewerId" | "filterContext">,
  row: StatusRow,
  viewerIds: (string | null)[],
): Promise<Map<string | null, Status>> {
  const signedIn = viewerIds.filter((id): id is string => id !== null);
  const statusIds = row.reblog_of_id ? [row.id, row.reblog_of_id] : [row.id];
  const [bundle, flags] = await Promise.all([
    loadStatusBundle(options.sql, [row], null),
    loadViewersFlags(options.sql, statusIds, signedIn),
  ]);
  const emojis = await loadBundleEmojis(bundle, options);
  const out = new Map<string | null, Status>();
  for (const viewerId of viewerIds) {
    const own = viewerId
      ? flags.get(viewerId)!
      : { flags: null, ownVotes: new Map() };
    const [json] = renderLoaded(
      { ...bundle, ...own },
      [row],
      { ...options, viewerId },
      emojis,
    );
    if (json) out.set(viewerId, json);
  }
  return out;
}

export async function renderStatus(
  options: RenderOptions,
  row: StatusRow,
): Promise<Status> {
  const [json] = await renderStatuses(
    { ...options, filterContext: undefined },
    [row],
  );
  if (!json) throw new Error(`status ${row.id} could not be rendered`);
  return json;
}

export { loadStatusBundle };
