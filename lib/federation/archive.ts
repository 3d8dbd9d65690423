/**
 * Account archives in ActivityPub terms (`lib/archive` does the rest): out, a page of statuses
 * as the very activities the outbox serves (`outboxItem`), with their files pointed at paths
 * inside the archive as Mastodon's archives have them; the actor as it is served; in, an
 * archived activity read by the inbox's own conversion (`statusInputFromObject`: sanitised
 * HTML, visibility from addressing, attachments with their descriptions).
 */
import { Announce, Create, Object as APObject } from "@fedify/vocab";
import type { Context } from "@fedify/fedify";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";
import { outboxItem } from "./collections.ts";
import { loadNotes } from "./note-parts.ts";
import {
  isPostObject,
  type RemoteStatusInput,
  statusInputFromObject,
  visibilityOf,
} from "./from-ap.ts";

type Json = Record<string, unknown>;

/** Relative URLs in an archive (its files) resolve against this, then are read back relative. */
export const ARCHIVE_BASE = "https://archive.invalid/";

function context(
  deps: Deps,
  federation: Awaited<ReturnType<Deps["federation"]>>,
) {
  return federation.createContext(new URL(deps.config.origin), deps);
}

function list(value: unknown): Json[] {
  return (Array.isArray(value) ? value : value ? [value] : []) as Json[];
}

export interface ArchivePage {
  /** The activities (without `@context`, which the archive states once). */
  items: Json[];
  /** Storage keys of the files these activities point at, with their path in the archive. */
  files: { key: string; path: string }[];
}

/**
 * `rows` (the author's own statuses) as their `Create`/`Announce` activities, the same JSON the
 * outbox serves, each attachment's `url` replaced by `mediaPath(key)`.
 */
export async function archiveActivities(
  deps: Deps,
  author: AccountRow,
  rows: StatusRow[],
  mediaPath: (key: string) => string,
): Promise<ArchivePage> {
  const ctx: Context<Deps> = context(deps, await deps.federation());
  const notes = await loadNotes(ctx, rows);
  const items: Json[] = [];
  const files: ArchivePage["files"] = [];
  for (const row of rows) {
    const activity = outboxItem(ctx, row, author, notes);
    if (!activity) continue;
    const json = await activity.toJsonLd({
      format: "compact",
      contextLoader: ctx.contextLoader,
    }) as Json;
    delete json["@context"];
    const byUrl = new Map(
      (notes.parts.get(row.id)?.media ?? []).flatMap((m) =>
        m.file_key ? [[deps.media.url(m.file_key), m.file_key]] : []
      ),
    );
    const object = json.object;
    if (object && typeof object === "object") {
      for (const attachment of list((object as Json).attachment)) {
        const key = byUrl.get(String(attachment.url));
        if (!key) continue;
        attachment.url = mediaPath(key);
        files.push({ key, path: mediaPath(key) });
      }
    }
    items.push(json);
  }
  return { items, files };
}

/** The actor document as peers get it (with its public key), and its `@context`. */
export async function archiveActor(
  deps: Deps,
  username: string,
): Promise<Json> {
  const federation = await deps.federation();
  const ctx = context(deps, federation);
  const response = await federation.fetch(
    new Request(ctx.getActorUri(username), {
      headers: { accept: "application/activity+json" },
    }),
    { contextData: deps },
  );
  if (!response.ok) throw new Error(`actor ${username}: ${response.status}`);
  return await response.json() as Json;
}

/** An `@context` for the archive's collections: the one the outbox's activities use. */
export const ARCHIVE_CONTEXT = [
  "https://www.w3.org/ns/activitystreams",
  "https://w3id.org/security/v1",
  {
    toot: "http://joinmastodon.org/ns#",
    sensitive: "as:sensitive",
    blurhash: "toot:blurhash",
    focalPoint: { "@container": "@list", "@id": "toot:focalPoint" },
    Hashtag: "as:Hashtag",
  },
];

export type ArchivedActivity =
  | {
    kind: "post";
    post: RemoteStatusInput;
    /** For each of `post.media`, its path inside the archive (null: not a file of it). */
    mediaPaths: (string | null)[];
  }
  | {
    kind: "boost";
    id: string;
    objectUri: string;
    published: Date;
    visibility: "public" | "unlisted" | "private";
  }
  | { kind: "other" };

/** Never fetches: everything an archived activity needs is in the archive. */
const noFetching = (url: string) =>
  Promise.reject(new Error(`not fetched while reading an archive: ${url}`));

/**
 * A reader of an archive's `outbox.json` items. The contexts it needs are loaded once for the
 * whole archive (the federation's loader asks its cache each time: thousands of round trips).
 */
export async function archiveReader(
  deps: Deps,
): Promise<
  (
    item: Json,
    archiveContext: unknown,
    followersUrl: string | null,
  ) => Promise<ArchivedActivity>
> {
  const ctx = context(deps, await deps.federation());
  const contexts = new Map<string, ReturnType<typeof ctx.contextLoader>>();
  const contextLoader = (url: string) => {
    let loaded = contexts.get(url);
    if (!loaded) {
      loaded = ctx.contextLoader(url);
      contexts.set(url, loaded);
      loaded.catch(() => contexts.delete(url));
    }
    return loaded;
  };
  const options = {
    documentLoader: noFetching,
    contextLoader,
    baseUrl: new URL(ARCHIVE_BASE),
  };
  return (item, archiveContext, followersUrl) =>
    readArchivedActivity(item, archiveContext, followersUrl, options);
}

/** Reads one item of an archive's `outbox.json`. `followersUrl`: the archived actor's. */
async function readArchivedActivity(
  item: Json,
  archiveContext: unknown,
  followersUrl: string | null,
  options: {
    documentLoader: typeof noFetching;
    contextLoader: (url: string) => ReturnType<Context<Deps>["contextLoader"]>;
    baseUrl: URL;
  },
): Promise<ArchivedActivity> {
  let activity: APObject;
  try {
    activity = await APObject.fromJsonLd(
      { "@context": item["@context"] ?? archiveContext, ...item },
      options,
    );
  } catch {
    return { kind: "other" };
  }
  if (activity instanceof Announce) {
    const objectUri = activity.objectId?.href;
    const published = activity.published;
    return objectUri && activity.id
      ? {
        kind: "boost",
        id: activity.id.href,
        // A boost is never direct: addressed to no one public, it is followers-only.
        visibility: boostVisibility(
          visibilityOf(activity.toIds, activity.ccIds, followersUrl),
        ),
        objectUri,
        published: published
          ? new Date(published.epochMilliseconds)
          : new Date(),
      }
      : { kind: "other" };
  }
  if (!(activity instanceof Create)) return { kind: "other" };
  const object = await activity.getObject(options).catch(() => null);
  if (!isPostObject(object)) return { kind: "other" };
  const post = await statusInputFromObject(
    object,
    { followers_url: followersUrl },
    options,
  ).catch(() => null);
  if (!post) return { kind: "other" };
  return {
    kind: "post",
    post,
    mediaPaths: post.media.map((m) =>
      m.remote_url?.startsWith(ARCHIVE_BASE)
        ? decodeURI(m.remote_url.slice(ARCHIVE_BASE.length))
        : null
    ),
  };
}

function boostVisibility(
  visibility: ReturnType<typeof visibilityOf>,
): "public" | "unlisted" | "private" {
  return visibility === "direct" ? "private" : visibility;
}
