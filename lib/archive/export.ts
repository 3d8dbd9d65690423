/**
 * Building an account's archive (Mastodon's "Request your archive"): the `archive.export` job
 * writes a ZIP straight into media storage, page by page from the database — `outbox.json`
 * (every post as its `Create`, every boost as its `Announce`, the JSON peers get), `actor.json`
 * (with the public key), the avatar and header, `likes.json`, `bookmarks.json`, and every file
 * `outbox.json` points at, under `media_attachments/files/`. Nothing is held whole in memory.
 */
import type { Deps } from "../deps.ts";
import { findAccountById } from "../db/accounts.ts";
import {
  deleteOtherArchives,
  findArchive,
  interactionUrisAfter,
  markArchiveFailed,
  markArchiveReady,
  statusesAfter,
} from "../db/archives.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import { mediaKey } from "../media/storage.ts";
import { ZipStreamWriter } from "./zip-writer.ts";

export const ARCHIVE_EXPORT_JOB = "archive.export";

/** Statuses per database page (and per batch of activities converted). */
const PAGE = 100;

/** Where an uploaded file goes inside the archive (Mastodon's folder). */
export function archivedMediaPath(key: string): string {
  return `media_attachments/files/${key}`;
}

export const archiveExportJob = defineJob<{ archiveId: string }, Deps>({
  kind: ARCHIVE_EXPORT_JOB,
  parse: schema.object({ archiveId: schema.string }),
  // A failed build is marked failed (the user may ask again); what is retried is a crash.
  retry: { backoff: exponentialBackoff(30_000, 30 * 60_000), maxAttempts: 3 },
  handler: (deps, { archiveId }) => buildArchive(deps, archiveId),
});

export async function buildArchive(
  deps: Deps,
  archiveId: string,
): Promise<void> {
  const archive = await findArchive(deps.sql, archiveId);
  if (!archive || archive.state !== "pending") return;
  const account = await findAccountById(deps.sql, archive.account_id);
  if (!account) return;
  const key = mediaKey("archives", "archive", "zip");
  const zip = new ZipStreamWriter();
  const upload = deps.media.putStream(key, zip.readable, "application/zip", {
    private: true,
  });
  try {
    await writeEntries(deps, account, zip);
    await zip.end();
  } catch (error) {
    zip.abort(error);
    await upload.catch(() => {});
    await deps.media.delete(key).catch(() => {});
    await markArchiveFailed(deps.sql, archiveId);
    console.error(`archive ${archiveId} failed:`, error);
    return;
  }
  const size = await upload;
  const old = await deps.sql.begin(async (tx) => {
    await markArchiveReady(tx, archiveId, key, size);
    return await deleteOtherArchives(tx, account.id, archiveId);
  });
  for (const oldKey of old) await deps.media.delete(oldKey).catch(() => {});
}

type Account = NonNullable<Awaited<ReturnType<typeof findAccountById>>>;

async function writeEntries(
  deps: Deps,
  account: Account,
  zip: ZipStreamWriter,
): Promise<void> {
  const federation = await import("../federation/mod.ts");
  // Files are listed as the outbox refers to them and copied after it: a key and a path each.
  const files = new Map<string, string>();

  const outbox = zip.textEntry("outbox.json");
  await outbox.write(
    `{"@context":${JSON.stringify(federation.ARCHIVE_CONTEXT)},` +
      `"id":"outbox.json","type":"OrderedCollection","orderedItems":[`,
  );
  let total = 0;
  for (let after = "0";;) {
    const rows = await statusesAfter(deps.sql, account.id, after, PAGE);
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    const page = await federation.archiveActivities(
      deps,
      account,
      rows,
      archivedMediaPath,
    );
    for (const item of page.items) {
      await outbox.write((total++ ? "," : "") + JSON.stringify(item));
    }
    for (const file of page.files) files.set(file.key, file.path);
  }
  await outbox.write(`],"totalItems":${total}}`);
  await outbox.end();

  const actor = await federation.archiveActor(deps, account.username);
  for (
    const [property, name] of [["icon", "avatar"], ["image", "header"]] as const
  ) {
    const image = actor[property] as { url?: unknown } | undefined;
    const key = storageKeyOf(
      deps,
      typeof image?.url === "string" ? image.url : null,
    );
    if (!image || !key) continue;
    const path = `${name}${key.slice(key.lastIndexOf("."))}`;
    image.url = path;
    files.set(key, path);
  }
  const actorEntry = zip.textEntry("actor.json");
  await actorEntry.write(JSON.stringify(actor));
  await actorEntry.end();

  for (
    const [table, name] of [
      ["favourites", "likes.json"],
      ["bookmarks", "bookmarks.json"],
    ] as const
  ) {
    const entry = zip.textEntry(name);
    await entry.write(
      `{"@context":"https://www.w3.org/ns/activitystreams","id":"${name}",` +
        `"type":"OrderedCollection","orderedItems":[`,
    );
    let count = 0;
    for (let after = "0";;) {
      const rows = await interactionUrisAfter(
        deps.sql,
        table,
        account.id,
        after,
        500,
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      await entry.write(
        (count ? "," : "") + rows.map((r) => JSON.stringify(r.uri)).join(","),
      );
      count += rows.length;
    }
    await entry.write(`],"totalItems":${count}}`);
    await entry.end();
  }

  for (const [key, path] of files) {
    const stored = await deps.media.getStream(key);
    if (stored) await zip.streamEntry(path, stored.body);
  }
}

/** The storage key behind a URL of one of our files (an avatar's), or null. */
function storageKeyOf(deps: Deps, url: string | null): string | null {
  const base = deps.media.url("");
  return url?.startsWith(base) ? url.slice(base.length) : null;
}
