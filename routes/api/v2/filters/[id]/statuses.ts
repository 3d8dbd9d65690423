/** GET/POST /api/v2/filters/:filter_id/statuses — the statuses a filter names. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { getFilter } from "../../../../../lib/domain/filters.ts";
import { addFilterStatus } from "../../../../../lib/domain/filter-statuses.ts";
import { filterStatusJson } from "../../../../../lib/mastodon/entities/filter.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:filters");
    const filter = await getFilter(deps.sql, me.account.id, ctx.params.id);
    return json(filter.statuses.map(filterStatusJson));
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    const params = await Params.from(ctx.req, ctx.url);
    const entry = await addFilterStatus(
      deps.sql,
      me.account.id,
      ctx.params.id,
      params.string("status_id") ?? "",
    );
    return json(filterStatusJson(entry));
  },
});
