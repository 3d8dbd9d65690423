/** GET /api/v1/featured_tags — the caller's featured hashtags; POST (`name`) features one. */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { Params } from "../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../lib/mastodon/status-api.ts";
import { featuredTags, featureTag } from "../../../lib/domain/tags.ts";
import { featuredTagJson } from "../../../lib/mastodon/entities/tag.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:accounts");
    const rows = await featuredTags(deps.sql, me.account.id);
    return json(rows.map((row) => featuredTagJson(row, deps.config.origin)));
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:accounts");
    const params = await Params.from(ctx.req, ctx.url);
    const row = await featureTag(
      deps.sql,
      me.account.id,
      params.string("name") ?? "",
    );
    return json(featuredTagJson(row, deps.config.origin));
  },
});
