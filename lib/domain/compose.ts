/**
 * Posting with new files in one step (the web compose form without JavaScript). The text is
 * checked first, then every file is checked and processed, and only then is anything stored: a
 * bad file or a refused post leaves no post and no uploads behind.
 */
import type { Deps } from "../deps.ts";
import type { StatusRow } from "../db/statuses.ts";
import { DomainError, invalid } from "./errors.ts";
import {
  deleteMedia,
  MediaTooLargeError,
  type PreparedUpload,
  prepareUpload,
  storeUpload,
  type UploadInput,
} from "./media.ts";
import {
  createStatus,
  type CreateStatusInput,
  type LocalAuthor,
} from "./statuses.ts";
import {
  MAX_MEDIA,
  parseVisibility,
  validateStatusBody,
} from "./status-input.ts";

export interface NamedUpload extends UploadInput {
  /** The file's name as the browser sent it, for the message when it is refused. */
  name: string;
}

/** Creates the status with `uploads` attached in order; refuses it all when one file is bad. */
export async function createStatusWithUploads(
  deps: Deps,
  author: LocalAuthor,
  input: Omit<CreateStatusInput, "mediaIds">,
  uploads: NamedUpload[],
): Promise<StatusRow> {
  if (uploads.length > MAX_MEDIA) {
    throw invalid(`You can attach at most ${MAX_MEDIA} files`, "media");
  }
  // The cheap checks createStatus makes anyway, before any image is decoded.
  validateStatusBody(
    (input.status ?? "").replace(/\r\n?/g, "\n"),
    input.spoilerText ?? "",
    uploads.map((upload) => upload.name),
    input.poll ?? null,
  );
  parseVisibility(input.visibility, author.user.default_privacy);

  const prepared: PreparedUpload[] = [];
  for (const [index, upload] of uploads.entries()) {
    try {
      prepared.push(await prepareUpload(upload, deps.avTools));
    } catch (error) {
      if (
        !(error instanceof DomainError || error instanceof MediaTooLargeError)
      ) throw error;
      const label = upload.name ? `“${upload.name}”` : `File ${index + 1}`;
      throw invalid(`${label} can't be attached: ${error.message}`, "media");
    }
  }

  const stored: string[] = [];
  try {
    for (const upload of prepared) {
      stored.push((await storeUpload(deps, author.account.id, upload)).id);
    }
    return await createStatus(deps, author, { ...input, mediaIds: stored });
  } catch (error) {
    // E.g. the post replied to is gone: the uploads would otherwise wait for the clean-up.
    for (const id of stored) {
      await deleteMedia(deps, author.account.id, id).catch(() => {});
    }
    throw error;
  }
}
