/** GET /api/v1/featured_tags/suggestions — hashtags the caller used recently and does not feature. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { featuredTagSuggestions } from "../../../../lib/domain/tags.ts";
import { renderTags } from "../../../../lib/mastodon/entities/tag.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:accounts");
    const tags = await featuredTagSuggestions(deps.sql, me.account.id);
    return json(await renderTags(deps.sql, tags, deps.config.origin));
  },
});
