/** POST /api/v2/media — upload; 200 when ready (images), 202 while video is still processed. */
import { define } from "../../../utils.ts";
import { Params } from "../../../lib/mastodon/params.ts";
import { ApiError } from "../../../lib/mastodon/errors.ts";
import { caller } from "../../../lib/mastodon/account-api.ts";
import {
  mapMediaErrors,
  mediaResponse,
  refuseOversizeBody,
  uploadedFile,
} from "../../../lib/mastodon/media-api.ts";
import { uploadMedia } from "../../../lib/domain/media.ts";

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
    const row = await mapMediaErrors(() =>
      uploadMedia(deps, me.account.id, {
        bytes: file.bytes,
        claimedType: file.type,
        description: params.string("description"),
        focus: params.string("focus"),
      })
    );
    return mediaResponse(deps, row, 202);
  },
});
