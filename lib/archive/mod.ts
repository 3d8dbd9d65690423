/**
 * Account archives (issue 19): a user's whole posting history as a ZIP to take away, built in
 * the background once a week (`export.ts`), and posts brought in from a Mastodon or Starling
 * archive after a dry run (`import.ts`). Everything outside `lib/archive` imports from here.
 */
import type { Deps } from "../deps.ts";
import {
  type ArchiveImportRow,
  type ArchiveRow,
  findArchive,
  findArchiveImport,
  insertArchive,
  insertArchiveImport,
  latestArchive,
  latestArchiveImport,
  moveArchiveImport,
} from "../db/archives.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { mediaKey, type StoredStream } from "../media/storage.ts";
import { ARCHIVE_EXPORT_JOB } from "./export.ts";
import {
  ARCHIVE_ANALYSE_JOB,
  ARCHIVE_IMPORT_JOB,
  type ArchiveSummary,
  discardUpload,
  type ImportResult,
} from "./import.ts";

export { archiveExportJob, buildArchive } from "./export.ts";
export {
  analyseArchive,
  archiveAnalyseJob,
  archiveImportJob,
  type ArchiveSummary,
  importArchive,
  type ImportResult,
} from "./import.ts";
export type { ArchiveImportRow, ArchiveRow };

/** Mastodon's rule: one archive per 7 days. */
export const ARCHIVE_INTERVAL_MS = 7 * 24 * 3600 * 1000;

/** The biggest archive a user may upload for import. */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;

export interface ArchiveState {
  latest: ArchiveRow | null;
  /** When a new archive may be asked for (null: now). */
  nextAllowedAt: Date | null;
}

export async function archiveState(
  deps: Deps,
  accountId: string,
): Promise<ArchiveState> {
  const latest = await latestArchive(deps.sql, accountId);
  const next = latest && latest.state !== "failed"
    ? new Date(latest.created_at.getTime() + ARCHIVE_INTERVAL_MS)
    : null;
  return { latest, nextAllowedAt: next && next > new Date() ? next : null };
}

/** Asks for a new archive (built by a job); refused within 7 days of the last one. */
export async function requestArchive(
  deps: Deps,
  accountId: string,
): Promise<ArchiveRow> {
  return await deps.sql.begin(async (tx) => {
    // One request at a time per account: the check and the insert can't interleave.
    await tx`SELECT pg_advisory_xact_lock(hashtext('archive'), hashtext(${accountId}))`;
    const latest = await latestArchive(tx, accountId);
    if (
      latest && latest.state !== "failed" &&
      Date.now() - latest.created_at.getTime() < ARCHIVE_INTERVAL_MS
    ) {
      throw invalid("You can request an archive once every 7 days.");
    }
    const archive = await insertArchive(tx, accountId);
    await deps.jobs.enqueue(tx, ARCHIVE_EXPORT_JOB, { archiveId: archive.id });
    return archive;
  });
}

/** The owner's ready archive as a stream, with its size. */
export async function openArchiveDownload(
  deps: Deps,
  accountId: string,
  archiveId: string,
): Promise<StoredStream> {
  const archive = await findArchive(deps.sql, archiveId);
  if (
    !archive || archive.account_id !== accountId || archive.state !== "ready" ||
    !archive.storage_key
  ) {
    throw notFound();
  }
  const stored = await deps.media.getStream(archive.storage_key);
  if (!stored) throw notFound();
  return stored;
}

/** The upload, its dry run once done, and the import's result once done. */
export interface ImportState {
  row: ArchiveImportRow;
  summary: ArchiveSummary | null;
  result: ImportResult | null;
}

export async function latestImport(
  deps: Deps,
  accountId: string,
): Promise<ImportState | null> {
  const row = await latestArchiveImport(deps.sql, accountId);
  return row
    ? {
      row,
      summary: row.summary as ArchiveSummary | null,
      result: row.result as ImportResult | null,
    }
    : null;
}

/**
 * Keeps an uploaded archive (streamed into storage, never whole in memory) and queues its dry
 * run. One import at a time: refused while another is being analysed or imported.
 */
export async function startImport(
  deps: Deps,
  accountId: string,
  upload: ReadableStream<Uint8Array>,
): Promise<ArchiveImportRow> {
  const current = await latestArchiveImport(deps.sql, accountId);
  if (current && ["analysing", "importing"].includes(current.state)) {
    await upload.cancel();
    throw invalid("An archive of yours is being read already.");
  }
  const key = mediaKey("archives", "import", "zip");
  let size: number;
  try {
    size = await deps.media.putStream(
      key,
      upload.pipeThrough(limitedTo(MAX_IMPORT_BYTES)),
      "application/zip",
      { private: true },
    );
  } catch (error) {
    await deps.media.delete(key).catch(() => {});
    if (error instanceof TooLargeError) {
      throw invalid("The archive is too large (at most 2 GB).", "archive");
    }
    throw error;
  }
  if (size === 0) {
    await deps.media.delete(key);
    throw invalid("Choose an archive file to import.", "archive");
  }
  return await deps.sql.begin(async (tx) => {
    const row = await insertArchiveImport(tx, accountId, key, size);
    await deps.jobs.enqueue(tx, ARCHIVE_ANALYSE_JOB, { importId: row.id });
    return row;
  });
}

class TooLargeError extends Error {}

function limitedTo(limit: number): TransformStream<Uint8Array, Uint8Array> {
  let size = 0;
  return new TransformStream({
    transform(chunk, controller) {
      size += chunk.length;
      if (size > limit) throw new TooLargeError();
      controller.enqueue(chunk);
    },
  });
}

async function ownImport(deps: Deps, accountId: string, importId: string) {
  const row = await findArchiveImport(deps.sql, importId);
  if (!row || row.account_id !== accountId) throw notFound();
  return row;
}

/** After the dry run: the user confirms, and the import is queued. */
export async function confirmImport(
  deps: Deps,
  accountId: string,
  importId: string,
): Promise<void> {
  await ownImport(deps, accountId, importId);
  await deps.sql.begin(async (tx) => {
    if (
      !await moveArchiveImport(tx, importId, ["analysed"], "importing")
    ) {
      throw invalid("This archive is not waiting for confirmation.");
    }
    await deps.jobs.enqueue(tx, ARCHIVE_IMPORT_JOB, { importId });
  });
}

/** After the dry run: the user changes their mind; the uploaded file goes. */
export async function cancelImport(
  deps: Deps,
  accountId: string,
  importId: string,
): Promise<void> {
  await ownImport(deps, accountId, importId);
  if (!await moveArchiveImport(deps.sql, importId, ["analysed"], "cancelled")) {
    throw invalid("This archive is not waiting for confirmation.");
  }
  await discardUpload(deps, importId);
}
