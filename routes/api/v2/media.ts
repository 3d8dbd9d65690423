/** POST /api/v2/media — upload; 200 when ready (images), 202 while video is still processed. */
import { define } from "../../../utils.ts";
import {
  mediaResponse,
  uploadFromRequest,
} from "../../../lib/mastodon/media-api.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const row = await uploadFromRequest(deps, ctx.req, ctx.url);
    return mediaResponse(deps, row, 202);
  },
});
