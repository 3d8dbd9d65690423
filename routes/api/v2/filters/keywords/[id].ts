/** GET/PUT/DELETE /api/v2/filters/keywords/:id */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import {
  changeKeyword,
  getKeyword,
  removeKeyword,
} from "../../../../../lib/domain/filters.ts";
import { filterKeywordJson } from "../../../../../lib/mastodon/entities/filter.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:filters");
    return json(
      filterKeywordJson(
        await getKeyword(deps.sql, me.account.id, ctx.params.id),
      ),
    );
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    const params = await Params.from(ctx.req, ctx.url);
    const row = await changeKeyword(
      deps.sql,
      me.account.id,
      ctx.params.id,
      params.string("keyword"),
      params.boolean("whole_word"),
    );
    return json(filterKeywordJson(row));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:filters");
    await removeKeyword(deps.sql, me.account.id, ctx.params.id);
    return json({});
  },
});
