/** GET/PUT/DELETE /api/v2/filters/:id */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { filterInput } from "../../../../../lib/mastodon/filter-params.ts";
import {
  deleteFilter,
  getFilter,
  updateFilter,
} from "../../../../../lib/domain/filters.ts";
import { filterJson } from "../../../../../lib/mastodon/entities/filter.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:filters");
    return json(
      filterJson(await getFilter(deps.sql, me.account.id, ctx.params.id)),
    );
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    const params = await Params.from(ctx.req, ctx.url);
    const filter = await updateFilter(
      deps.sql,
      me.account.id,
      ctx.params.id,
      filterInput(params),
    );
    return json(filterJson(filter));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    await deleteFilter(deps.sql, me.account.id, ctx.params.id);
    return json({});
  },
});
