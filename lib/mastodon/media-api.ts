/**
 * HTTP glue for the media API: the upload request both upload endpoints take, the
 * MediaAttachment JSON, a size check before a body is parsed, and the file out of a multipart
 * form.
 */
import type { Deps } from "../deps.ts";
import type { MediaRow } from "../db/media.ts";
import { ApiError, json } from "./errors.ts";
import {
  MEDIA_LIMITS,
  MediaTooLargeError,
  uploadMedia,
} from "../domain/media.ts";
import { caller } from "./account-api.ts";
import { mediaJson } from "./entities/status.ts";
import { Params } from "./params.ts";

/** Multipart overhead allowed on top of the largest file. */
const FORM_SLACK = 64 * 1024;

/** 413 before reading a body that announces more than any upload may be. */
export function refuseOversizeBody(req: Request, limit?: number): void {
  const declared = Number(req.headers.get("content-length"));
  const max = (limit ?? MEDIA_LIMITS.video_size_limit) + FORM_SLACK;
  if (Number.isFinite(declared) && declared > max) {
    throw new ApiError(413, "File is too large");
  }
}

/** Domain size refusals become 413s; everything else is left for the API middleware. */
export async function mapMediaErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MediaTooLargeError) {
      throw new ApiError(413, error.message);
    }
    throw error;
  }
}

export async function uploadedFile(
  params: Params,
  name = "file",
): Promise<{ bytes: Uint8Array; type: string } | undefined> {
  const file = params.file(name);
  if (!file) return undefined;
  return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type };
}

/** What a client may say about a file, on upload and on edit: `description` and `focus`. */
export function mediaDetails(
  params: Params,
): { description?: string; focus?: string } {
  return {
    description: params.string("description"),
    focus: params.string("focus"),
  };
}

/**
 * POST /api/v1/media and /api/v2/media: stores the caller's multipart `file` (413 when too
 * large, 422 when missing) with its description and focus.
 */
export async function uploadFromRequest(
  deps: Deps,
  req: Request,
  url: URL,
): Promise<MediaRow> {
  const me = await caller(deps, req, "write:media");
  refuseOversizeBody(req);
  const params = await Params.from(req, url);
  const file = await uploadedFile(params);
  if (!file) {
    throw new ApiError(422, "Validation failed: File can't be blank");
  }
  return await mapMediaErrors(() =>
    uploadMedia(deps, me.account.id, {
      bytes: file.bytes,
      claimedType: file.type,
      ...mediaDetails(params),
    })
  );
}

export function mediaEntity(deps: Deps, row: MediaRow) {
  return mediaJson(row, deps.config.origin, (key) => deps.media.url(key));
}

/** 200 when the file is ready; `pendingStatus` (202 on upload, 206 on GET) while processing. */
export function mediaResponse(
  deps: Deps,
  row: MediaRow,
  pendingStatus: number,
): Response {
  return json(mediaEntity(deps, row), {
    status: row.processing === "done" ? 200 : pendingStatus,
  });
}
