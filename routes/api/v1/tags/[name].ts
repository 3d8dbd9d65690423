/** GET /api/v1/tags/:name — a hashtag, with `following` for a signed-in caller. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { optionalViewer } from "../../../../lib/mastodon/status-api.ts";
import { getTag, isFollowingTag } from "../../../../lib/domain/search.ts";
import { renderTags } from "../../../../lib/mastodon/entities/tag.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read");
    const tag = await getTag(deps.sql, ctx.params.name);
    const following = viewerId
      ? await isFollowingTag(deps.sql, viewerId, tag.id)
      : undefined;
    const [entity] = await renderTags(
      deps.sql,
      [tag],
      deps.config.origin,
      () => following,
    );
    return json(entity);
  },
});
