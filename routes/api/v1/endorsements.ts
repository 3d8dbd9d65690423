/** GET /api/v1/endorsements — the accounts the caller features on their profile. */
import { define } from "../../../utils.ts";
import { pageQuery } from "../../../lib/mastodon/pagination.ts";
import {
  accountPageResponse,
  caller,
} from "../../../lib/mastodon/account-api.ts";
import { endorsementsOf } from "../../../lib/domain/endorsements.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:accounts");
    const rows = await endorsementsOf(
      deps,
      me.account,
      me.account,
      pageQuery(ctx.url, { limit: 40, max: 80 }),
    );
    return accountPageResponse(deps, ctx.url, rows);
  },
});
