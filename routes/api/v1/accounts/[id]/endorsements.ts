/** GET /api/v1/accounts/:id/endorsements — the accounts this account features on its profile. */
import { define } from "../../../../../utils.ts";
import { pageQuery } from "../../../../../lib/mastodon/pagination.ts";
import { authenticateRequest } from "../../../../../lib/mastodon/auth.ts";
import {
  accountPageResponse,
  pathAccount,
} from "../../../../../lib/mastodon/account-api.ts";
import { endorsementsOf } from "../../../../../lib/domain/endorsements.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const account = await pathAccount(deps, ctx.params);
    const viewer = (await authenticateRequest(deps, ctx.req))?.account ?? null;
    const rows = await endorsementsOf(
      deps,
      account,
      viewer,
      pageQuery(ctx.url, { limit: 40, max: 80 }),
    );
    return accountPageResponse(deps, ctx.url, rows);
  },
});
