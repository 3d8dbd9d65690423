/**
 * A page of statuses as a JSON body, built from each status's viewer-independent JSON kept in
 * memory, with the viewer's flags (and filters) patched in per request.
 *
 * Rendering a status (its author, media, mentions, tags, card, application) costs the server
 * far more than reading which statuses a page shows: parsing the bundle's wide rows, building the
 * entities, `JSON.stringify`. Most of it doesn't depend on who asks. So each status's rendered
 * JSON is kept with its **version** (`loadStatusVersions`: the `xmin` of every row it was built
 * from), and a page reads only the versions and the viewer's flags — narrow rows, one statement
 * — rendering again just the statuses whose version changed. Nothing is invalidated: an edit, a
 * new count, a changed author, a card fetched later all write a row, which gives it a new `xmin`,
 * so every process sees the change on its next read without being told. What a page shows at
 * all (deleted, blocked, muted, suspended, no longer visible) is the page query's business, as
 * before.
 *
 * A poll is kept as its row and rendered per request (the viewer's votes, whether it has
 * expired). Rendered per viewer every time, never kept: statuses by a sensitized author
 * (sensitive to everyone but the author), and any status or author showing custom emoji (an
 * emoji's image can change without touching the status).
 */
import type { Queryable } from "../../db/client.ts";
import type { StatusRow } from "../../db/statuses.ts";
import {
  type FlagColumns,
  loadStatusBundle,
  loadStatusVersions,
  type StatusVersion,
} from "../../db/status-bundle.ts";
import { matchFilters } from "../../domain/filters.ts";
import type { PollRow } from "../../db/polls.ts";
import { filterResultJson } from "./filter.ts";
import { pollJson } from "./poll.ts";
import { loadBundleEmojis, renderOne, type RenderOptions } from "./status.ts";
import type { Status } from "./types.ts";

/** A status's JSON without `reblog`, `poll` and the viewer's flags, without its closing brace. */
interface Rendered {
  version: string;
  /** `{"id":…,…` — the viewer's flags, `poll`, `reblog` and `}` are appended per request. */
  head: string;
  /** Rendered per request (`null`: none, or already in `head`). */
  poll: PollRow | null;
  /** Whether `head` holds the viewer's flags and poll too (rendered for this viewer, not kept). */
  complete: boolean;
  /** What filters read. */
  source: Pick<StatusRow, "account_id" | "content" | "spoiler_text">;
}

/**
 * What the kept statuses may hold per process, in characters of their JSON and filter text (V8
 * keeps a character in 1 byte, 2 outside Latin-1): 16 MB of ASCII, ~10,000 statuses of ~1.6 KB —
 * the 10k bench's working set of home pages at limit 20 and 40 with second pages (4,700
 * statuses on first pages alone). The least recently used go first.
 */
const CAPACITY = 16 * 1024 * 1024;

class RenderedStatuses {
  #entries = new Map<string, Rendered>();
  #size = 0;
  constructor(readonly origin: string) {}

  get(id: string, version: string): Rendered | null {
    const entry = this.#entries.get(id);
    if (!entry || entry.version !== version) return null;
    // Most recently used last.
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    return entry;
  }

  set(id: string, entry: Rendered) {
    this.#remove(id);
    this.#entries.set(id, entry);
    this.#size += sizeOf(entry);
    while (this.#size > CAPACITY) {
      this.#remove(this.#entries.keys().next().value!);
    }
  }

  #remove(id: string) {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    this.#size -= sizeOf(entry);
  }
}

function sizeOf(entry: Rendered): number {
  return entry.head.length + entry.source.content.length +
    entry.source.spoiler_text.length + entry.version.length;
}

/** One cache per database handle (one per process; tests' instances each have their own). */
const caches = new WeakMap<Queryable, RenderedStatuses>();

function cacheFor(options: RenderOptions): RenderedStatuses {
  let cache = caches.get(options.sql);
  if (!cache || cache.origin !== options.origin) {
    caches.set(options.sql, cache = new RenderedStatuses(options.origin));
  }
  return cache;
}

/** `{"a":1,"b":2}` → `{"a":1,"b":2` (a head more keys are appended to). */
/** The JSON up to `reblog`; for this viewer only (`complete`), or without flags and poll. */
function headOf(json: Status, complete: boolean): string {
  const { reblog: _reblog, poll, ...rest } = json;
  if (complete) return JSON.stringify({ ...rest, poll }).slice(0, -1);
  delete rest.favourited;
  delete rest.reblogged;
  delete rest.muted;
  delete rest.bookmarked;
  delete rest.pinned;
  return JSON.stringify(rest).slice(0, -1);
}

function flagsJson(
  flags: FlagColumns | null,
  own: boolean,
): string {
  if (!flags) return "";
  return `,"favourited":${flags._favourited},"reblogged":${flags._reblogged},"muted":${flags._muted},"bookmarked":${flags._bookmarked}${
    own ? `,"pinned":${flags._pinned}` : ""
  }`;
}

/**
 * `rows` rendered for the viewer as a JSON array, in the order given: the same statuses, fields
 * and values as `JSON.stringify(await renderStatuses(options, rows))` (keys in another order).
 * Rows whose author is gone are dropped; with a filter context, `hide` matches too.
 */
export async function renderStatusesJson(
  options: RenderOptions,
  rows: StatusRow[],
): Promise<string> {
  if (rows.length === 0) return "[]";
  const cache = cacheFor(options);
  const wanted = [
    ...new Set([
      ...rows.map((r) => r.id),
      ...rows.flatMap((r) => r.reblog_of_id ? [r.reblog_of_id] : []),
    ]),
  ];
  const { versions, filters } = await loadStatusVersions(
    options.sql,
    wanted,
    options.viewerId,
    options.filterContext,
  );
  const parts = new Map<string, Rendered>();
  const misses: string[] = [];
  for (const id of wanted) {
    const version = versions.get(id);
    if (!version) continue; // no author: dropped, as renderStatuses drops it
    const hit = version.per_viewer ? null : cache.get(id, version.version);
    if (hit) parts.set(id, hit);
    else misses.push(id);
  }
  if (misses.length) {
    await renderMisses(options, cache, misses, versions, parts);
  }
  const out: string[] = [];
  for (const row of rows) {
    const part = parts.get(row.id);
    if (!part) continue;
    let reblog = "null";
    let target = part;
    if (row.reblog_of_id) {
      const original = parts.get(row.reblog_of_id);
      if (!original) continue;
      target = original;
    }
    let filtered = "";
    if (filters.length && options.viewerId !== part.source.account_id) {
      const matches = matchFilters(filters, target.source, [
        row.id,
        ...(row.reblog_of_id ? [row.reblog_of_id] : []),
      ]);
      if (matches.some((m) => m.filter.filter_action === "hide")) continue;
      filtered = `,"filtered":${JSON.stringify(matches.map(filterResultJson))}`;
    }
    if (row.reblog_of_id) {
      const version = versions.get(row.reblog_of_id)!;
      reblog = finish(target, version, options, "null", filtered);
    }
    out.push(finish(part, versions.get(row.id)!, options, reblog, filtered));
  }
  return `[${out.join(",")}]`;
}

function finish(
  part: Rendered,
  version: StatusVersion,
  options: RenderOptions,
  reblog: string,
  filtered: string,
): string {
  if (part.complete) return `${part.head},"reblog":${reblog}${filtered}}`;
  const flags = flagsJson(
    version.flags,
    options.viewerId !== null && options.viewerId === part.source.account_id,
  );
  // Custom emoji in a poll's options make the status one that is never kept: none here.
  const poll = part.poll
    ? JSON.stringify(
      pollJson(part.poll, version.flags?._own_votes ?? null, options.viewerId),
    )
    : "null";
  return `${part.head}${flags},"poll":${poll},"reblog":${reblog}${filtered}}`;
}

/** Renders the statuses not kept (or changed) from one bundle, keeping what may be kept. */
async function renderMisses(
  options: RenderOptions,
  cache: RenderedStatuses,
  ids: string[],
  versions: Map<string, StatusVersion>,
  parts: Map<string, Rendered>,
) {
  const perViewer = ids.some((id) => versions.get(id)!.per_viewer);
  // The viewer's flags and votes come with the bundle only when a status is rendered for them.
  const bundle = await loadStatusBundle(
    options.sql,
    ids.map((id) => ({ id, reblog_of_id: null })),
    perViewer ? options.viewerId : null,
  );
  const emojis = await loadBundleEmojis(bundle, options);
  for (const id of ids) {
    const row = bundle.statuses.get(id);
    const version = versions.get(id)!;
    if (!row) continue;
    const own = version.per_viewer;
    const json = renderOne(
      row,
      bundle,
      own ? options : { ...options, viewerId: null },
      // The head never holds `reblog`; a boost's own `url` is null, as for any boost.
      row.reblog_of_id ? {} as Status : null,
      emojis,
    );
    if (!json) continue;
    const entry: Rendered = {
      version: version.version,
      head: headOf(json, own),
      poll: own || !row.poll_id ? null : bundle.polls.get(row.poll_id) ?? null,
      complete: own,
      source: row,
    };
    parts.set(id, entry);
    const showsEmoji = json.emojis.length > 0 || json.account.emojis.length > 0;
    if (!own && !showsEmoji) {
      cache.set(id, { ...entry, source: pickSource(row) });
    }
  }
}

function pickSource(
  row: StatusRow,
): Pick<StatusRow, "account_id" | "content" | "spoiler_text"> {
  return {
    account_id: row.account_id,
    content: row.content,
    spoiler_text: row.spoiler_text,
  };
}
