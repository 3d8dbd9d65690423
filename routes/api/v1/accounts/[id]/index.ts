/** GET /api/v1/accounts/:id — any known account (no token needed), with its role badge. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import {
  accountWithMoved,
  pathAccount,
} from "../../../../../lib/mastodon/account-api.ts";
import { accountJson } from "../../../../../lib/mastodon/entities/account.ts";
import { roleOfAccount } from "../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const account = await pathAccount(deps, ctx.params);
    const role = await roleOfAccount(deps.sql, account.id);
    return json(
      await accountWithMoved(
        deps,
        account,
        accountJson(account, deps.config.origin, role),
      ),
    );
  },
});
