/** POST /api/v1/tags/:name/feature — features the hashtag on the caller's profile (Mastodon 4.4). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { featureTag } from "../../../../../lib/domain/tags.ts";
import { getTag, isFollowingTag } from "../../../../../lib/domain/search.ts";
import { renderTags } from "../../../../../lib/mastodon/entities/tag.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:accounts");
    await featureTag(deps.sql, me.account.id, ctx.params.name);
    const tag = await getTag(deps.sql, ctx.params.name);
    const following = await isFollowingTag(deps.sql, me.account.id, tag.id);
    const [entity] = await renderTags(
      deps.sql,
      [tag],
      deps.config.origin,
      () => following,
      () => true,
    );
    return json(entity);
  },
});
