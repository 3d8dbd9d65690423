/**
 * GET /api/v1/admin/tags — every hashtag, newest first, as Admin::Tag (`manage_taxonomies`,
 * `admin:read`), paged by id with `Link`; `q` keeps those whose name contains it.
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import {
  linkHeader,
  pageQuery,
} from "../../../../../lib/mastodon/pagination.ts";
import { requireStaffCaller } from "../../../../../lib/mastodon/admin-api.ts";
import {
  READ_TRENDS,
  renderAdminTags,
} from "../../../../../lib/mastodon/trends-api.ts";
import { listHashtags } from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_TRENDS);
    const tags = await listHashtags(
      deps.sql,
      actor,
      pageQuery(ctx.url, { limit: 100, max: 200 }),
      ctx.url.searchParams.get("q") ?? undefined,
    );
    const link = linkHeader(deps.config.origin, ctx.url, tags, (t) => t.id);
    return json(await renderAdminTags(deps, tags), {
      headers: link ? { link } : {},
    });
  },
});
