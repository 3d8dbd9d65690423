/**
 * Reading an uploaded archive (Mastodon's or Starling's): its directory, its actor (whose
 * followers collection tells followers-only posts apart), and `outbox.json` as batches of
 * activities, read as a stream (`OrderedItemsReader`) — never the whole file at once.
 */
import type { Deps } from "../deps.ts";
import type { ArchivedActivity } from "../federation/mod.ts";
import {
  openZipEntry,
  readZipEntries,
  readZipEntry,
  type ZipEntry,
  ZipFormatError,
} from "./zip-reader.ts";
import { OrderedItemsReader } from "./json-items.ts";

export interface OpenedArchive {
  key: string;
  /** Entries by name. */
  entries: Map<string, ZipEntry>;
  followersUrl: string | null;
}

/** `actor.json` is a small document; anything bigger is not one. */
const MAX_ACTOR_BYTES = 1048576;

export async function openArchive(
  deps: Deps,
  key: string,
  size: number,
): Promise<OpenedArchive> {
  const entries = new Map(
    (await readZipEntries(deps.media, key, size)).map((e) => [e.name, e]),
  );
  if (!entries.has("outbox.json")) {
    throw new ZipFormatError("This file has no outbox.json: not an archive.");
  }
  let followersUrl: string | null = null;
  const actor = entries.get("actor.json");
  if (actor) {
    const text = new TextDecoder().decode(
      await readZipEntry(deps.media, key, actor, MAX_ACTOR_BYTES),
    );
    const followers = (JSON.parse(text) as { followers?: unknown }).followers;
    followersUrl = typeof followers === "string" ? followers : null;
  }
  return { key, entries, followersUrl };
}

/** The activities of `outbox.json`, in its order, `size` at a time. */
export async function* archivedActivities(
  deps: Deps,
  archive: OpenedArchive,
  size: number,
): AsyncGenerator<ArchivedActivity[]> {
  const read = await (await import("../federation/mod.ts")).archiveReader(deps);
  const stream = await openZipEntry(
    deps.media,
    archive.key,
    archive.entries.get("outbox.json")!,
  );
  const reader = new OrderedItemsReader();
  let batch: ArchivedActivity[] = [];
  const decoder = new TextDecoder();
  for await (const bytes of stream) {
    const text = decoder.decode(bytes, { stream: true });
    for (const item of reader.push(text)) {
      if (!item || typeof item !== "object") continue;
      batch.push(
        await read(
          item as Record<string, unknown>,
          reader.context,
          archive.followersUrl,
        ),
      );
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}
