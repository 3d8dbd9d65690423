/** POST /api/v1/tags/:name/unfeature — stops featuring the hashtag (Mastodon 4.4). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { unfeatureTagNamed } from "../../../../../lib/domain/tags.ts";
import { getTag, isFollowingTag } from "../../../../../lib/domain/search.ts";
import { renderTags } from "../../../../../lib/mastodon/entities/tag.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:accounts");
    const tag = await getTag(deps.sql, ctx.params.name);
    await unfeatureTagNamed(deps.sql, me.account.id, ctx.params.name);
    const following = await isFollowingTag(deps.sql, me.account.id, tag.id);
    const [entity] = await renderTags(
      deps.sql,
      [tag],
      deps.config.origin,
      () => following,
      () => false,
    );
    return json(entity);
  },
});
