/** GET/POST /api/v2/filters/:id/keywords */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { addKeyword, getFilter } from "../../../../../lib/domain/filters.ts";
import { filterKeywordJson } from "../../../../../lib/mastodon/entities/filter.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:filters");
    const filter = await getFilter(deps.sql, me.account.id, ctx.params.id);
    return json(filter.keywords.map(filterKeywordJson));
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    const params = await Params.from(ctx.req, ctx.url);
    const keyword = await addKeyword(
      deps.sql,
      me.account.id,
      ctx.params.id,
      params.string("keyword") ?? "",
      params.boolean("whole_word") ?? true,
    );
    return json(filterKeywordJson(keyword));
  },
});
