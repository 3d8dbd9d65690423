/** GET /api/v1/followed_tags — hashtags the caller follows, newest first. */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { linkHeader, pageQuery } from "../../../lib/mastodon/pagination.ts";
import { caller } from "../../../lib/mastodon/account-api.ts";
import { renderTags } from "../../../lib/mastodon/entities/tag.ts";
import { followedTags } from "../../../lib/domain/profiles.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:follows");
    const rows = await followedTags(
      deps.sql,
      me.account.id,
      pageQuery(ctx.url, { limit: 100, max: 200 }),
    );
    const link = linkHeader(
      deps.config.origin,
      ctx.url,
      rows,
      (row) => row.page_id,
    );
    return json(
      await renderTags(deps.sql, rows, deps.config.origin, () => true),
      { headers: link ? { link } : {} },
    );
  },
});
