/** GET /api/v1/timelines/public — public statuses (`local`, `remote`, `only_media`). */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import {
  optionalViewer,
  page,
  statusPageResponse,
} from "../../../../lib/mastodon/status-api.ts";
import { publicTimeline } from "../../../../lib/domain/timelines.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:statuses");
    const params = await Params.from(ctx.req, ctx.url);
    const rows = await publicTimeline(deps.sql, viewerId, {
      local: params.boolean("local") ?? false,
      remote: params.boolean("remote") ?? false,
      onlyMedia: params.boolean("only_media") ?? false,
    }, page(ctx.url));
    return await statusPageResponse(deps, ctx.url, viewerId, rows, "public");
  },
});
