/** GET /api/v1/lists — the caller's lists; POST creates one. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { createList, listLists } from "../../../../lib/domain/lists.ts";
import { listJson } from "../../../../lib/mastodon/entities/list.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:lists");
    return json((await listLists(deps.sql, me.account.id)).map(listJson));
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:lists");
    const params = await Params.from(ctx.req, ctx.url);
    const list = await createList(deps.sql, me.account.id, {
      title: params.string("title"),
      repliesPolicy: params.string("replies_policy") || undefined,
      exclusive: params.boolean("exclusive"),
    });
    return json(listJson(list));
  },
});
