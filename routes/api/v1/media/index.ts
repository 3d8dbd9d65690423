/** POST /api/v1/media — the older upload endpoint: answers once processing is done. */
import { define } from "../../../../utils.ts";
import {
  mediaResponse,
  uploadFromRequest,
} from "../../../../lib/mastodon/media-api.ts";
import { waitUntilProcessed } from "../../../../lib/domain/media.ts";

/** How long a v1 upload waits for video/audio processing before answering all the same. */
const PROCESSING_WAIT_MS = 60_000;

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const uploaded = await uploadFromRequest(deps, ctx.req, ctx.url);
    const row = await waitUntilProcessed(deps, uploaded, PROCESSING_WAIT_MS);
    return mediaResponse(deps, row, 200);
  },
});
