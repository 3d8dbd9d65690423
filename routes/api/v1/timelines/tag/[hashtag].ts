/** GET /api/v1/timelines/tag/:hashtag — public statuses with the tag (`any[]`, `all[]`, `none[]`). */
import { define } from "../../../../../utils.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  optionalViewer,
  page,
  statusPageResponse,
} from "../../../../../lib/mastodon/status-api.ts";
import { tagTimeline } from "../../../../../lib/domain/timelines.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:statuses");
    const params = await Params.from(ctx.req, ctx.url);
    const rows = await tagTimeline(deps.sql, viewerId, {
      tag: ctx.params.hashtag.replace(/^#/, "").normalize("NFKC"),
      any: params.array("any"),
      all: params.array("all"),
      none: params.array("none"),
      local: params.boolean("local") ?? false,
      remote: params.boolean("remote") ?? false,
      onlyMedia: params.boolean("only_media") ?? false,
    }, page(ctx.url));
    return await statusPageResponse(deps, ctx.url, viewerId, rows, "public");
  },
});
