/** GET /api/v1/accounts/:id/lists — the caller's lists that include the account. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import {
  caller,
  pathAccount,
} from "../../../../../lib/mastodon/account-api.ts";
import { listsContainingAccount } from "../../../../../lib/domain/lists.ts";
import { listJson } from "../../../../../lib/mastodon/entities/list.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:lists");
    const account = await pathAccount(deps, ctx.params);
    const lists = await listsContainingAccount(
      deps.sql,
      me.account.id,
      account.id,
    );
    return json(lists.map(listJson));
  },
});
