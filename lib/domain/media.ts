/**
 * Media uploads: judge the file by its bytes, refuse what is too big or unreadable before anything
 * is stored, process images (orientation, metadata stripped, size cap, preview, blurhash), store
 * through `deps.media`, and remove uploads nobody attached to a post.
 */
import type { Deps } from "../deps.ts";
import type { Queryable } from "../db/client.ts";
import { findMediaByIds } from "../db/status-bundle.ts";
import { mediaIdsOf } from "../db/statuses.ts";
import * as db from "../db/media.ts";
import type { MediaRow } from "../db/media.ts";
import { invalid, notFound } from "./errors.ts";
import { claimFits, type Sniffed, sniffMedia } from "../media/sniff.ts";
import {
  ImageDecodeError,
  type ProcessedImage,
  processImage,
} from "../media/images.ts";
import { type AvTools, probeAv, videoLimitProblem } from "../media/av.ts";
import { EXTENSIONS, mediaKey } from "../media/storage.ts";
import { MEDIA_LIMITS } from "../media/limits.ts";

export { MEDIA_LIMITS };

/** Uploads not attached to a post within this long are removed. */
export const UNATTACHED_MEDIA_TTL_MS = 24 * 3600 * 1000;

/** A file over a size limit (the API answers 413). */
export class MediaTooLargeError extends Error {}

export interface UploadInput {
  bytes: Uint8Array;
  /** What the client said the file is (`File.type`); checked against the bytes. */
  claimedType: string;
  description?: string;
  focus?: string;
}

function checkDescription(description: string | undefined): string | null {
  if (description === undefined) return null;
  if (description.length > MEDIA_LIMITS.description_limit) {
    throw invalid(
      `Description is too long (maximum is ${MEDIA_LIMITS.description_limit} characters)`,
      "description",
    );
  }
  return description.replace(/\0/g, "") || null;
}

/** "x,y" with both in [-1, 1] (Mastodon's focal point). */
export function parseFocus(
  value: string | undefined,
): { x: number; y: number } | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const parts = value.split(",").map((p) => Number(p.trim()));
  if (
    parts.length !== 2 ||
    parts.some((n) => !Number.isFinite(n) || n < -1 || n > 1)
  ) {
    throw invalid("Focus must be two numbers from -1 to 1: x,y", "focus");
  }
  return { x: parts[0], y: parts[1] };
}

/** What the bytes are; refuses unknown, unsupported and mislabelled files, and oversize ones. */
export function identifyUpload(
  bytes: Uint8Array,
  claimedType: string,
): Sniffed {
  const sniffed = sniffMedia(bytes);
  if (
    !sniffed ||
    !(MEDIA_LIMITS.supported_mime_types as readonly string[]).includes(
      sniffed.contentType,
    )
  ) {
    throw invalid("File type is not supported", "file");
  }
  if (!claimFits(claimedType, sniffed)) {
    throw invalid(
      `File content is ${sniffed.contentType}, not ${claimedType}`,
      "file",
    );
  }
  const limit = sniffed.kind === "image"
    ? MEDIA_LIMITS.image_size_limit
    : MEDIA_LIMITS.video_size_limit;
  if (bytes.length > limit) {
    throw new MediaTooLargeError(
      `File is too large (maximum ${
        Math.floor(limit / 1048576)
      } MB for ${sniffed.kind}s)`,
    );
  }
  return sniffed;
}

async function decodeImage(
  bytes: Uint8Array,
  contentType: string,
  options?: Parameters<typeof processImage>[2],
) {
  try {
    return await processImage(bytes, contentType, options);
  } catch (error) {
    if (error instanceof ImageDecodeError) throw invalid(error.message, "file");
    throw error;
  }
}

/**
 * An upload checked and processed but not stored yet: a post with several files refuses them
 * all before storing any when one is bad.
 */
export type PreparedUpload =
  & { description: string | null; focus: { x: number; y: number } }
  & (
    | { kind: "image"; image: ProcessedImage }
    | { kind: "video" | "audio"; contentType: string; bytes: Uint8Array }
  );

/**
 * Every check and all image processing of an upload; nothing is stored. With ffprobe
 * (`avTools`), a video over the advertised frame size or rate is refused, as Mastodon does;
 * without it, video is taken as it comes.
 */
export async function prepareUpload(
  input: UploadInput,
  avTools: AvTools | null = null,
): Promise<PreparedUpload> {
  const description = checkDescription(input.description);
  const focus = parseFocus(input.focus) ?? { x: 0, y: 0 };
  const sniffed = identifyUpload(input.bytes, input.claimedType);
  if (sniffed.kind === "image") {
    const image = await decodeImage(input.bytes, sniffed.contentType);
    return { description, focus, kind: "image", image };
  }
  if (sniffed.kind === "video" && avTools) {
    // A file ffprobe can't read is kept, as before: served without a preview.
    const info = await probeAv(avTools, input.bytes, false).catch(() => null);
    const problem = info && videoLimitProblem(info, MEDIA_LIMITS);
    if (problem) throw invalid(problem, "file");
  }
  return {
    description,
    focus,
    kind: sniffed.kind,
    contentType: sniffed.contentType,
    bytes: input.bytes,
  };
}

/** Stores an upload for `accountId`; images are ready at once, video/audio may still be probed. */
export async function uploadMedia(
  deps: Deps,
  accountId: string,
  input: UploadInput,
): Promise<MediaRow> {
  return await storeUpload(
    deps,
    accountId,
    await prepareUpload(input, deps.avTools),
  );
}

/** Stores a prepared upload: its files through `deps.media`, then its row. */
export async function storeUpload(
  deps: Deps,
  accountId: string,
  prepared: PreparedUpload,
): Promise<MediaRow> {
  const { description, focus } = prepared;
  if (prepared.kind === "image") {
    const { image } = prepared;
    const fileKey = mediaKey("media", "original", image.original.extension);
    const previewKey = fileKey.replace(
      /original\.\w+$/,
      `small.${image.preview.extension}`,
    );
    await deps.media.put(
      fileKey,
      image.original.bytes,
      image.original.contentType,
    );
    try {
      await deps.media.put(
        previewKey,
        image.preview.bytes,
        image.preview.contentType,
      );
      return await db.insertMedia(deps.sql, {
        account_id: accountId,
        type: "image",
        content_type: image.original.contentType,
        file_key: fileKey,
        preview_key: previewKey,
        description,
        blurhash: image.blurhash,
        meta: { ...image.meta, focus },
        file_size: image.original.bytes.length,
        processing: "done",
      });
    } catch (error) {
      await deps.media.delete(fileKey).catch(() => {});
      await deps.media.delete(previewKey).catch(() => {});
      throw error;
    }
  }

  const fileKey = mediaKey(
    "media",
    "original",
    EXTENSIONS[prepared.contentType] ?? "bin",
  );
  await deps.media.put(fileKey, prepared.bytes, prepared.contentType);
  try {
    // The processing is a job written with the row: a crash or a stop can't leave the upload
    // "processing" for ever. The client polls GET /api/v1/media/:id (206 until done).
    return await deps.sql.begin(async (tx) => {
      const row = await db.insertMedia(tx, {
        account_id: accountId,
        type: prepared.kind,
        content_type: prepared.contentType,
        file_key: fileKey,
        preview_key: null,
        description,
        blurhash: null,
        meta: { focus },
        file_size: prepared.bytes.length,
        processing: deps.avTools ? "processing" : "done",
      });
      if (deps.avTools) {
        await deps.jobs.enqueue(tx, MEDIA_AV_JOB, { mediaId: row.id });
      }
      return row;
    });
  } catch (error) {
    await deps.media.delete(fileKey).catch(() => {});
    throw error;
  }
}

/**
 * The upload once its background processing is done, or as it stands after `timeoutMs`: for
 * clients of the older API, which expect a finished attachment from the upload call.
 */
export async function waitUntilProcessed(
  deps: Deps,
  row: MediaRow,
  timeoutMs: number,
): Promise<MediaRow> {
  const deadline = Date.now() + timeoutMs;
  while (row.processing !== "done" && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    row = (await db.findMediaById(deps.sql, row.id)) ?? row;
  }
  return row;
}

/** The job kind that processes a video or audio upload (`media-jobs.ts`). */
export const MEDIA_AV_JOB = "media.process_av";

/**
 * The job's work: ffprobe/ffmpeg on the stored file (duration, size, a preview frame), then
 * `done`. Again after a crash, it does the same again; an upload deleted meanwhile is skipped.
 */
export async function processAvUpload(
  deps: Deps,
  mediaId: string,
): Promise<void> {
  const row = await db.findMediaById(deps.sql, mediaId);
  if (!row || row.processing === "done" || !row.file_key) return;
  const file = await deps.media.get(row.file_key);
  if (!file) return; // removed with its row meanwhile
  if (!deps.avTools) {
    // This process has no ffmpeg (another process took the upload): served without preview.
    await db.updateMediaFields(deps.sql, row.id, { processing: "done" });
    return;
  }
  await finishAv(deps, row, file.bytes);
}

async function finishAv(deps: Deps, row: MediaRow, bytes: Uint8Array) {
  let meta: Record<string, unknown> = { ...row.meta };
  let previewKey: string | null = null;
  let blurhash: string | null = null;
  try {
    const info = await probeAv(deps.avTools!, bytes, row.type === "video");
    const original: Record<string, unknown> = {};
    if (info.duration !== null) original.duration = info.duration;
    if (info.width && info.height) {
      Object.assign(original, {
        width: info.width,
        height: info.height,
        size: `${info.width}x${info.height}`,
        aspect: info.width / info.height,
      });
    }
    if (info.frameRate) original.frame_rate = info.frameRate;
    meta = { ...meta, original, length: formatLength(info.duration) };
    if (info.frame) {
      const image = await processImage(info.frame, "image/png");
      previewKey = row.file_key!.replace(/original\.\w+$/, "small.webp");
      await deps.media.put(previewKey, image.preview.bytes, "image/webp");
      meta.small = image.meta.small;
      blurhash = image.blurhash;
    }
  } catch (error) {
    // Still served, just without a preview.
    console.warn(`media ${row.id}: no preview:`, (error as Error).message);
  }
  await db.updateMediaFields(deps.sql, row.id, {
    meta,
    preview_key: previewKey,
    blurhash,
    processing: "done",
  });
}

function formatLength(seconds: number | null): string | undefined {
  if (seconds === null) return undefined;
  const s = Math.floor(seconds);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${
    pad(s % 60)
  }.${pad(Math.floor((seconds - s) * 100))}`;
}

/** The caller's own upload not yet attached to a post (Mastodon's rule for GET/PUT/DELETE). */
export async function findOwnUnattachedMedia(
  deps: Deps,
  accountId: string,
  id: string,
): Promise<MediaRow> {
  const row = await db.findMediaById(deps.sql, id);
  if (!row || row.account_id !== accountId || row.status_id !== null) {
    throw notFound();
  }
  return row;
}

export async function updateMedia(
  deps: Deps,
  accountId: string,
  id: string,
  changes: { description?: string; focus?: string },
): Promise<MediaRow> {
  const row = await findOwnUnattachedMedia(deps, accountId, id);
  const focus = parseFocus(changes.focus);
  return await db.updateMediaFields(deps.sql, row.id, {
    description: changes.description === undefined
      ? undefined
      : checkDescription(changes.description),
    meta: focus ? { ...row.meta, focus } : undefined,
  });
}

/** The files attached to a status, in their order. */
export async function attachedMedia(
  sql: Queryable,
  statusId: string,
): Promise<MediaRow[]> {
  const ids = await mediaIdsOf(sql, statusId);
  const rows = new Map(
    (await findMediaByIds(sql, ids)).map((row) => [row.id, row]),
  );
  return ids.flatMap((id) => rows.get(id) ?? []);
}

/** A change to an attached file's alt text or focal point, made with an edit of its post. */
export interface MediaAttributes {
  id: string;
  description?: string;
  focus?: string;
}

/**
 * Mastodon's `media_attributes` on a status edit: the alt text and focal point of files
 * attached to `statusId` (after the edit). Attributes for files not attached to it are
 * ignored, as Mastodon does. Runs in the edit's transaction.
 */
export async function applyMediaAttributes(
  tx: Queryable,
  statusId: string,
  attributes: MediaAttributes[],
): Promise<void> {
  for (const attributes_ of attributes) {
    const row = await db.findMediaById(tx, attributes_.id);
    if (!row || row.status_id !== statusId) continue;
    const focus = parseFocus(attributes_.focus);
    await db.updateMediaFields(tx, row.id, {
      description: attributes_.description === undefined
        ? undefined
        : checkDescription(attributes_.description),
      meta: focus ? { ...row.meta, focus } : undefined,
    });
  }
}

export async function deleteMedia(
  deps: Deps,
  accountId: string,
  id: string,
): Promise<void> {
  const row = await findOwnUnattachedMedia(deps, accountId, id);
  if (row.scheduled_status_id) {
    throw invalid("Media attachment is used by a scheduled status", "id");
  }
  await removeMedia(deps, row);
}

/** Removes an upload: its row, then its files. */
export async function removeMedia(
  deps: Deps,
  row: { id: string; file_key: string | null; preview_key: string | null },
) {
  // Row first: a file without a row is harmless, a row without its file is a broken image.
  await db.deleteMediaRow(deps.sql, row.id);
  if (row.file_key) await deps.media.delete(row.file_key);
  if (row.preview_key) await deps.media.delete(row.preview_key);
}

/**
 * Removes local uploads never attached to a post that are older than `olderThanMs`;
 * reports progress after every batch. Returns how many were removed.
 */
export async function pruneUnattachedMedia(
  deps: Deps,
  olderThanMs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const before = new Date(Date.now() - olderThanMs);
  const total = await db.countUnattachedMediaBefore(deps.sql, before);
  let done = 0;
  while (done < total) {
    const batch = await db.unattachedMediaBefore(deps.sql, before, 100);
    if (batch.length === 0) break;
    for (const row of batch) {
      await removeMedia(deps, row);
      done++;
    }
    onProgress?.(done, total);
  }
  return done;
}

/**
 * Avatars (400×400) and headers (1500×500): same checks and processing, cropped to shape; the
 * server's thumbnail (/admin/settings) keeps its own shape.
 */
export async function storeProfileImage(
  deps: Deps,
  kind: "avatar" | "header" | "thumbnail",
  bytes: Uint8Array,
  claimedType: string,
): Promise<string> {
  const sniffed = identifyUpload(bytes, claimedType);
  if (sniffed.kind !== "image") {
    throw invalid(`The ${kind} must be an image`, kind);
  }
  if (bytes.length > 8 * 1048576) {
    throw new MediaTooLargeError(`The ${kind} is too large (maximum 8 MB)`);
  }
  const cover = kind === "avatar"
    ? { width: 400, height: 400 }
    : kind === "header"
    ? { width: 1500, height: 500 }
    : undefined;
  const image = await decodeImage(bytes, sniffed.contentType, { cover });
  const key = mediaKey(`${kind}s`, "original", image.original.extension);
  await deps.media.put(key, image.original.bytes, image.original.contentType);
  return deps.media.url(key);
}

/** Mastodon's limit for a preview card's image (`PreviewCard::LIMIT`). */
export const CARD_IMAGE_MAX_BYTES = 2 * 1048576;

export interface StoredCardImage {
  key: string;
  width: number;
  height: number;
  blurhash: string;
}

/**
 * A link preview's image, fetched from the linked page: sniffed (the page's word for its type
 * is not trusted), at most `CARD_IMAGE_MAX_BYTES`, stored as its 640 px preview (a card shows
 * no more). Null when it is not an image we read.
 */
export async function storeCardImage(
  deps: Pick<Deps, "media">,
  bytes: Uint8Array,
): Promise<StoredCardImage | null> {
  const sniffed = sniffMedia(bytes);
  if (sniffed?.kind !== "image" || bytes.length > CARD_IMAGE_MAX_BYTES) {
    return null;
  }
  let image: Awaited<ReturnType<typeof processImage>>;
  try {
    image = await processImage(bytes, sniffed.contentType);
  } catch (error) {
    if (error instanceof ImageDecodeError) return null;
    throw error;
  }
  const key = mediaKey("cards", "small", image.preview.extension);
  await deps.media.put(key, image.preview.bytes, image.preview.contentType);
  return {
    key,
    width: image.meta.small.width,
    height: image.meta.small.height,
    blurhash: image.blurhash,
  };
}
