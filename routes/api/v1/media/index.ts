/** POST /api/v1/media — the older upload endpoint: answers once processing is done. */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { ApiError } from "../../../../lib/mastodon/errors.ts";
import { caller } from "../../../../lib/mastodon/account-api.ts";
import {
  mapMediaErrors,
  mediaResponse,
  refuseOversizeBody,
  uploadedFile,
} from "../../../../lib/mastodon/media-api.ts";
import { uploadMedia } from "../../../../lib/domain/media.ts";
import { findMediaById } from "../../../../lib/db/media.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:media");
    refuseOversizeBody(ctx.req);
    const params = await Params.from(ctx.req, ctx.url);
    const file = await uploadedFile(params);
    if (!file) {
      throw new ApiError(422, "Validation failed: File can't be blank");
    }
    let row = await mapMediaErrors(() =>
      uploadMedia(deps, me.account.id, {
        bytes: file.bytes,
        claimedType: file.type,
        description: params.string("description"),
        focus: params.string("focus"),
      })
    );
    // v1 clients expect a finished attachment: wait (bounded) for video processing.
    const deadline = Date.now() + 60_000;
    while (row.processing !== "done" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      row = (await findMediaById(deps.sql, row.id)) ?? row;
    }
    return mediaResponse(deps, row, 200);
  },
});
