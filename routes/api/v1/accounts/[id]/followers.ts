/** GET /api/v1/accounts/:id/followers — paged by the follow rows, newest first. */
import { define } from "../../../../../utils.ts";
import { pageQuery } from "../../../../../lib/mastodon/pagination.ts";
import {
  accountPageResponse,
  pathAccount,
} from "../../../../../lib/mastodon/account-api.ts";
import { listRelated } from "../../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const account = await pathAccount(deps, ctx.params);
    const rows = await listRelated(
      deps,
      "followers",
      account.id,
      pageQuery(ctx.url),
    );
    return accountPageResponse(ctx.url, rows, deps.config.origin);
  },
});
