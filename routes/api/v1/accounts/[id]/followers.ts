/** GET /api/v1/accounts/:id/followers — paged by the follow rows, newest first. */
import { define } from "../../../../../utils.ts";
import { pageQuery } from "../../../../../lib/mastodon/pagination.ts";
import { authenticateRequest } from "../../../../../lib/mastodon/auth.ts";
import {
  accountPageResponse,
  pathAccount,
} from "../../../../../lib/mastodon/account-api.ts";
import { listNetwork } from "../../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const account = await pathAccount(deps, ctx.params);
    const viewer = (await authenticateRequest(deps, ctx.req))?.account ?? null;
    const rows = await listNetwork(
      deps,
      "followers",
      account,
      viewer,
      pageQuery(ctx.url),
    );
    return accountPageResponse(deps, ctx.url, rows);
  },
});
