/** GET /api/v1/accounts/familiar_followers?id[]= — accounts you follow that follow each of them. */
import { define } from "../../../../utils.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { caller } from "../../../../lib/mastodon/account-api.ts";
import { accountsJson } from "../../../../lib/mastodon/account-api.ts";
import { familiarFollowers } from "../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:follows");
    const ids = (await Params.from(ctx.req, ctx.url)).array("id");
    const familiar = await familiarFollowers(deps, me.account, ids);
    return json(
      await Promise.all(familiar.map(async ({ id, accounts }) => ({
        id,
        accounts: await accountsJson(deps, accounts),
      }))),
    );
  },
});
