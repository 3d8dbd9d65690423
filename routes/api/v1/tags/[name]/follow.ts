/** POST /api/v1/tags/:name/follow */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { followTag } from "../../../../../lib/domain/search.ts";
import { renderTags } from "../../../../../lib/mastodon/entities/tag.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:follows");
    const tag = await followTag(deps.sql, me.account.id, ctx.params.name);
    const [entity] = await renderTags(
      deps.sql,
      [tag],
      deps.config.origin,
      () => true,
    );
    return json(entity);
  },
});
