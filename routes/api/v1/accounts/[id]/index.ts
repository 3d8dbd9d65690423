/** GET /api/v1/accounts/:id — any known account (no token needed). */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { pathAccount } from "../../../../../lib/mastodon/account-api.ts";
import { accountJson } from "../../../../../lib/mastodon/entities/account.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const account = await pathAccount(ctx.state.deps, ctx.params);
    return json(accountJson(account, ctx.state.deps.config.origin));
  },
});
