/** GET/PUT/DELETE /api/v1/filters/:id — one keyword of a filter, in the deprecated v1 shape. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { v1FilterInput } from "../../../../lib/mastodon/filter-params.ts";
import {
  deleteV1Filter,
  getV1Filter,
  updateV1Filter,
} from "../../../../lib/domain/filters-v1.ts";
import { v1FilterJson } from "../../../../lib/mastodon/entities/filter.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:filters");
    const { filter, keyword } = await getV1Filter(
      deps.sql,
      me.account.id,
      ctx.params.id,
    );
    return json(v1FilterJson(filter, keyword));
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    const params = await Params.from(ctx.req, ctx.url);
    const { filter, keyword } = await updateV1Filter(
      deps.sql,
      me.account.id,
      ctx.params.id,
      v1FilterInput(params),
    );
    return json(v1FilterJson(filter, keyword));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    await deleteV1Filter(deps.sql, me.account.id, ctx.params.id);
    return json({});
  },
});
