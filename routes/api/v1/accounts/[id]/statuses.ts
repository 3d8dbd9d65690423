/**
 * GET /api/v1/accounts/:id/statuses — what the caller may see of an account's statuses
 * (`only_media`, `exclude_replies`, `exclude_reblogs`, `exclude_direct`, `pinned`, `tagged`).
 */
import { define } from "../../../../../utils.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  optionalViewer,
  page,
  statusPageResponse,
} from "../../../../../lib/mastodon/status-api.ts";
import { accountStatuses } from "../../../../../lib/domain/timelines.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:statuses");
    const params = await Params.from(ctx.req, ctx.url);
    const rows = await accountStatuses(deps.sql, viewerId, ctx.params.id, {
      onlyMedia: params.boolean("only_media") ?? false,
      excludeReplies: params.boolean("exclude_replies") ?? false,
      excludeReblogs: params.boolean("exclude_reblogs") ?? false,
      excludeDirect: params.boolean("exclude_direct") ?? false,
      pinned: params.boolean("pinned") ?? false,
      tagged: params.string("tagged") || undefined,
    }, page(ctx.url));
    return await statusPageResponse(deps, ctx.url, viewerId, rows, "account");
  },
});
