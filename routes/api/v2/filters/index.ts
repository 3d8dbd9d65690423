/** GET /api/v2/filters — the caller's filters; POST creates one with keywords. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { filterInput } from "../../../../lib/mastodon/filter-params.ts";
import { createFilter, listFilters } from "../../../../lib/domain/filters.ts";
import { filterJson } from "../../../../lib/mastodon/entities/filter.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:filters");
    return json((await listFilters(deps.sql, me.account.id)).map(filterJson));
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    const params = await Params.from(ctx.req, ctx.url);
    return json(
      filterJson(
        await createFilter(deps.sql, me.account.id, filterInput(params)),
      ),
    );
  },
});
