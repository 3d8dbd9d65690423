/** GET /api/v1/timelines/link?url= — public posts by discoverable authors that link to `url`. */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import {
  optionalViewer,
  page,
  statusPageResponse,
} from "../../../../lib/mastodon/status-api.ts";
import { linkTimeline } from "../../../../lib/domain/timelines.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:statuses");
    const url = (await Params.from(ctx.req, ctx.url)).string("url") ?? "";
    const rows = await linkTimeline(deps.sql, viewerId, url, page(ctx.url));
    return await statusPageResponse(deps, ctx.url, viewerId, rows, "public");
  },
});
