/** GET/PUT/DELETE /api/v1/lists/:id */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import {
  deleteList,
  getList,
  updateList,
} from "../../../../../lib/domain/lists.ts";
import { listJson } from "../../../../../lib/mastodon/entities/list.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:lists");
    return json(
      listJson(await getList(deps.sql, me.account.id, ctx.params.id)),
    );
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:lists");
    const params = await Params.from(ctx.req, ctx.url);
    const list = await updateList(deps.sql, me.account.id, ctx.params.id, {
      title: params.string("title"),
      repliesPolicy: params.string("replies_policy") || undefined,
      exclusive: params.boolean("exclusive"),
    });
    return json(listJson(list));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:lists");
    await deleteList(deps.sql, me.account.id, ctx.params.id);
    return json({});
  },
});
