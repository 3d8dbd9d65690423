/** GET /api/v1/accounts/:id/endorsements — featured accounts are not supported yet: empty. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { pathAccount } from "../../../../../lib/mastodon/account-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    await pathAccount(ctx.state.deps, ctx.params);
    return json([]);
  },
});
