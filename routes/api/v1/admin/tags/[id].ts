/**
 * GET /api/v1/admin/tags/:id — one hashtag as Admin::Tag (`admin:read`); PUT — set
 * `display_name` (its case only), `trendable`, `usable`, `listable` (`admin:write`). Both need
 * `manage_taxonomies`.
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { requireStaffCaller } from "../../../../../lib/mastodon/admin-api.ts";
import {
  READ_TRENDS,
  renderAdminTags,
  WRITE_TRENDS,
} from "../../../../../lib/mastodon/trends-api.ts";
import {
  getHashtag,
  updateHashtag,
} from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_TRENDS);
    const tag = await getHashtag(deps.sql, actor, ctx.params.id);
    return json((await renderAdminTags(deps, [tag]))[0]);
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_TRENDS);
    const params = await Params.from(ctx.req, ctx.url);
    const tag = await updateHashtag(deps.sql, actor, ctx.params.id, {
      display_name: params.string("display_name"),
      trendable: params.boolean("trendable"),
      usable: params.boolean("usable"),
      listable: params.boolean("listable"),
    });
    return json((await renderAdminTags(deps, [tag]))[0]);
  },
});
