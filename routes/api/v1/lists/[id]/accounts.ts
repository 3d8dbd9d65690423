/** GET/POST/DELETE /api/v1/lists/:id/accounts — members (`account_ids[]`). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import { linkHeader } from "../../../../../lib/mastodon/pagination.ts";
import { page, requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import {
  addListAccounts,
  listAccounts,
  removeListAccounts,
} from "../../../../../lib/domain/lists.ts";
import { accountsJson } from "../../../../../lib/mastodon/account-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:lists");
    const q = page(ctx.url, { limit: 40, max: 80 });
    const rows = await listAccounts(
      deps.sql,
      me.account.id,
      ctx.params.id,
      q.limit,
      q.maxId,
    );
    const link = linkHeader(deps.config.origin, ctx.url, rows, (a) => a.id);
    return json(await accountsJson(deps, rows), {
      headers: link ? { link } : {},
    });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:lists");
    const params = await Params.from(ctx.req, ctx.url);
    await addListAccounts(
      deps.sql,
      me.account.id,
      ctx.params.id,
      params.array("account_ids"),
    );
    return json({});
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:lists");
    const params = await Params.from(ctx.req, ctx.url);
    await removeListAccounts(
      deps.sql,
      me.account.id,
      ctx.params.id,
      params.array("account_ids"),
    );
    return json({});
  },
});
