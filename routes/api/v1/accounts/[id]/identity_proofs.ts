/** GET /api/v1/accounts/:id/identity_proofs — not supported yet: an empty list for a known account. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { pathAccount } from "../../../../../lib/mastodon/account-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    await pathAccount(ctx.state.deps, ctx.params);
    return json([]);
  },
});
