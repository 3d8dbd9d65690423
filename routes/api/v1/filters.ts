/** GET /api/v1/filters — v2 filters in the v1 shape (one entry per keyword), for older apps. */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../lib/mastodon/status-api.ts";
import { listFilters } from "../../../lib/domain/filters.ts";
import { v1FilterJsons } from "../../../lib/mastodon/entities/filter.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:filters");
    return json(
      (await listFilters(deps.sql, me.account.id)).flatMap(v1FilterJsons),
    );
  },
});
