/**
 * Bringing posts in from an archive (Mastodon's or Starling's), which no other server does:
 * `archive.analyse` reads it for the dry run (what would be imported, what skipped), and once
 * the user confirms, `archive.import` writes the posts as the user's own — their dates (ids
 * ordered by them, so the profile shows them in place), content warnings, visibility, language,
 * hashtags, threads among themselves, files with their descriptions — marked as imported
 * (`imported_at`, `origin_uri`). They are history: no home-feed fan-out, no notifications, no
 * `Create` to peers (no events are recorded), but peers can fetch them at their new addresses.
 * A second import of the same archive skips what is already here.
 */
import type { Deps } from "../deps.ts";
import type { ArchivedActivity } from "../federation/mod.ts";
import {
  attachImportedMedia,
  findArchiveImport,
  hasBoosted,
  importedWithoutMedia,
  knownArchivedUris,
  linkImportedReplies,
  moveArchiveImport,
  statusesByArchivedUri,
} from "../db/archives.ts";
import { findAccountById } from "../db/accounts.ts";
import type { StatusRow } from "../db/statuses.ts";
import { insertStatus } from "../domain/status-insert.ts";
import { MediaTooLargeError, uploadMedia } from "../domain/media.ts";
import { DomainError } from "../domain/errors.ts";
import { MEDIA_LIMITS } from "../media/limits.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import { archivedActivities, openArchive, type OpenedArchive } from "./read.ts";
import { readZipEntry, ZipFormatError } from "./zip-reader.ts";

export const ARCHIVE_ANALYSE_JOB = "archive.analyse";
export const ARCHIVE_IMPORT_JOB = "archive.import";

/** The dry run: what an import of the archive would do. */
export interface ArchiveSummary {
  /** Posts that would be imported. */
  posts: number;
  /** Of those, replies to another post of the archive (their thread is kept). */
  replies: number;
  /** Files of those posts found in the archive. */
  media: number;
  /** Files the posts name that the archive lacks (the posts come without them). */
  missingMedia: number;
  /** Boosts of posts known here (imported as boosts). */
  boosts: number;
  /** Boosts of posts this server doesn't know: skipped. */
  skippedBoosts: number;
  /** Posts and boosts already here (imported before): skipped. */
  duplicates: number;
  /** Items that are neither posts nor boosts. */
  unsupported: number;
}

export interface ImportResult {
  posts: number;
  boosts: number;
  media: number;
  /** Files refused (unsupported type, too large) or missing. */
  mediaSkipped: number;
  duplicates: number;
  skippedBoosts: number;
}

const BATCH = 50;

function emptySummary(): ArchiveSummary {
  return {
    posts: 0,
    replies: 0,
    media: 0,
    missingMedia: 0,
    boosts: 0,
    skippedBoosts: 0,
    duplicates: 0,
    unsupported: 0,
  };
}

function idOf(activity: ArchivedActivity): string | null {
  return activity.kind === "post"
    ? activity.post.uri
    : activity.kind === "boost"
    ? activity.id
    : null;
}

const importPayload = schema.object<{ importId: string }>({
  importId: schema.string,
});
/** A broken file is no crash: it ends the import as failed, with the reason for the user. */
const importRetry = {
  backoff: exponentialBackoff(30_000, 30 * 60_000),
  maxAttempts: 3,
};

export const archiveAnalyseJob = defineJob<{ importId: string }, Deps>({
  kind: ARCHIVE_ANALYSE_JOB,
  parse: importPayload,
  retry: importRetry,
  handler: (deps, { importId }) =>
    failingOnBadArchive(deps, importId, () => analyseArchive(deps, importId)),
});

export const archiveImportJob = defineJob<{ importId: string }, Deps>({
  kind: ARCHIVE_IMPORT_JOB,
  parse: importPayload,
  retry: importRetry,
  handler: (deps, { importId }) =>
    failingOnBadArchive(deps, importId, () => importArchive(deps, importId)),
});

async function failingOnBadArchive(
  deps: Deps,
  importId: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ZipFormatError || error instanceof SyntaxError)) {
      throw error;
    }
    const failed = await moveArchiveImport(
      deps.sql,
      importId,
      ["analysing", "importing"],
      "failed",
      { error: error.message },
    );
    if (failed) await discardUpload(deps, importId);
  }
}

/** The uploaded file, once nothing more will be read from it. */
export async function discardUpload(deps: Deps, importId: string) {
  const row = await findArchiveImport(deps.sql, importId);
  if (row) await deps.media.delete(row.storage_key).catch(() => {});
}

async function openImport(
  deps: Deps,
  importId: string,
  state: "analysing" | "importing",
) {
  const row = await findArchiveImport(deps.sql, importId);
  if (!row || row.state !== state) return null;
  const archive = await openArchive(deps, row.storage_key, Number(row.size));
  return { row, archive };
}

export async function analyseArchive(
  deps: Deps,
  importId: string,
): Promise<void> {
  const opened = await openImport(deps, importId, "analysing");
  if (!opened) return;
  const { row, archive } = opened;
  const summary = emptySummary();
  const postIds = new Set<string>();
  const replyTargets: string[] = [];
  const boostTargets: string[] = [];
  for await (const batch of archivedActivities(deps, archive, BATCH)) {
    const known = await knownArchivedUris(
      deps.sql,
      row.account_id,
      batch.flatMap((a) => idOf(a) ?? []),
    );
    for (const activity of batch) {
      const id = idOf(activity);
      if (!id) {
        summary.unsupported++;
      } else if (known.has(id)) {
        summary.duplicates++;
      } else if (activity.kind === "post") {
        summary.posts++;
        postIds.add(id);
        if (activity.post.in_reply_to_uri) {
          replyTargets.push(activity.post.in_reply_to_uri);
        }
        for (const path of activity.mediaPaths) {
          if (path && archive.entries.has(path)) summary.media++;
          else summary.missingMedia++;
        }
      } else if (activity.kind === "boost") {
        boostTargets.push(activity.objectUri);
      }
    }
  }
  summary.replies = replyTargets.filter((uri) => postIds.has(uri)).length;
  for (let i = 0; i < boostTargets.length; i += 500) {
    const targets = boostTargets.slice(i, i + 500);
    const here = await statusesByArchivedUri(deps.sql, row.account_id, targets);
    for (const uri of targets) {
      if (here.has(uri) || postIds.has(uri)) summary.boosts++;
      else summary.skippedBoosts++;
    }
  }
  await moveArchiveImport(deps.sql, importId, ["analysing"], "analysed", {
    summary,
  });
}

/** A file an imported post names, waiting for its turn (files are read after the posts). */
interface PendingFile {
  originUri: string;
  position: number;
  description: string | null;
  contentType: string | null;
}

export async function importArchive(
  deps: Deps,
  importId: string,
): Promise<void> {
  const opened = await openImport(deps, importId, "importing");
  if (!opened) return;
  const { row, archive } = opened;
  const account = await findAccountById(deps.sql, row.account_id);
  if (!account) return;
  const result: ImportResult = {
    posts: 0,
    boosts: 0,
    media: 0,
    mediaSkipped: 0,
    duplicates: 0,
    skippedBoosts: 0,
  };
  const files = new Map<string, PendingFile[]>();
  for await (const batch of archivedActivities(deps, archive, BATCH)) {
    await importBatch(deps, account, archive, batch, result, files);
  }
  for (const [path, wanted] of files) {
    const imported = await importFile(deps, account.id, archive, path, wanted);
    if (imported) result.media += wanted.length;
    else result.mediaSkipped += wanted.length;
  }
  await linkImportedReplies(deps.sql, account.id);
  await moveArchiveImport(deps.sql, importId, ["importing"], "done", {
    result,
  });
  await deps.media.delete(row.storage_key).catch(() => {});
}

type Account = NonNullable<Awaited<ReturnType<typeof findAccountById>>>;

/** One batch in one transaction: its posts (parents first, as archives list them) and boosts. */
async function importBatch(
  deps: Deps,
  account: Account,
  archive: OpenedArchive,
  batch: ArchivedActivity[],
  result: ImportResult,
  files: Map<string, PendingFile[]>,
): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const known = await knownArchivedUris(
      tx,
      account.id,
      batch.flatMap((a) => idOf(a) ?? []),
    );
    const referenced = batch.flatMap((a) =>
      a.kind === "post"
        ? a.post.in_reply_to_uri ?? []
        : a.kind === "boost"
        ? a.objectUri
        : []
    );
    // Posts with files that a stopped import wrote without them (see `importedWithoutMedia`).
    const unfinished = await importedWithoutMedia(
      tx,
      account.id,
      batch.flatMap((a) =>
        a.kind === "post" && known.has(a.post.uri) && a.mediaPaths.length
          ? [a.post.uri]
          : []
      ),
    );
    const here: Map<string, StatusRow> = await statusesByArchivedUri(
      tx,
      account.id,
      referenced,
    );
    for (const activity of batch) {
      const id = idOf(activity);
      if (!id) continue;
      if (known.has(id)) {
        result.duplicates++;
        if (activity.kind === "post" && unfinished.has(id)) {
          queueFiles(archive, activity, files, result);
        }
        continue;
      }
      if (activity.kind === "boost") {
        const target = here.get(activity.objectUri);
        if (!target || await hasBoosted(tx, account.id, target.id)) {
          result.skippedBoosts++;
          continue;
        }
        await insertStatus(tx, deps.config, {
          accountId: account.id,
          authorUsername: account.username,
          local: true,
          published: activity.published,
          visibility: activity.visibility,
          content: "",
          reblogOf: target,
          imported: { originUri: id },
        });
        result.boosts++;
        continue;
      }
      if (activity.kind !== "post") continue;
      const { post } = activity;
      const parent = post.in_reply_to_uri
        ? here.get(post.in_reply_to_uri) ?? null
        : null;
      const { status } = await insertStatus(tx, deps.config, {
        accountId: account.id,
        authorUsername: account.username,
        local: true,
        published: post.published,
        visibility: post.visibility,
        content: post.content,
        spoilerText: post.spoiler_text,
        sensitive: post.sensitive,
        language: post.language,
        inReplyTo: parent,
        inReplyToUri: parent ? null : post.in_reply_to_uri,
        tags: post.tags.map((t) => t.toLowerCase()),
        imported: { originUri: id },
      });
      here.set(id, status);
      result.posts++;
      queueFiles(archive, activity, files, result);
    }
  });
}

/** Notes the files of an imported post, to be read once the posts are in. */
function queueFiles(
  archive: OpenedArchive,
  activity: Extract<ArchivedActivity, { kind: "post" }>,
  files: Map<string, PendingFile[]>,
  result: ImportResult,
): void {
  activity.mediaPaths.forEach((path, position) => {
    if (!path || !archive.entries.has(path)) {
      result.mediaSkipped++;
      return;
    }
    const media = activity.post.media[position];
    const list = files.get(path) ?? [];
    list.push({
      originUri: activity.post.uri,
      position,
      description: media.description,
      contentType: media.content_type,
    });
    files.set(path, list);
  });
}

/** Stores one file of the archive as an upload and attaches it to the posts naming it. */
async function importFile(
  deps: Deps,
  accountId: string,
  archive: OpenedArchive,
  path: string,
  wanted: PendingFile[],
): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = await readZipEntry(
      deps.media,
      archive.key,
      archive.entries.get(path)!,
      MEDIA_LIMITS.video_size_limit,
    );
  } catch (error) {
    if (error instanceof ZipFormatError) return false;
    throw error;
  }
  for (const file of wanted) {
    try {
      const media = await uploadMedia(deps, accountId, {
        bytes,
        claimedType: file.contentType ?? "",
        description: file.description?.slice(0, 1500) ?? undefined,
      });
      await attachImportedMedia(
        deps.sql,
        accountId,
        media.id,
        file.originUri,
        file.position,
      );
    } catch (error) {
      if (
        !(error instanceof DomainError || error instanceof MediaTooLargeError)
      ) throw error;
      return false;
    }
  }
  return true;
}
