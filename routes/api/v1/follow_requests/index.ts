/** GET /api/v1/follow_requests — accounts asking to follow the caller, newest first. */
import { define } from "../../../../utils.ts";
import { pageQuery } from "../../../../lib/mastodon/pagination.ts";
import {
  accountPageResponse,
  caller,
} from "../../../../lib/mastodon/account-api.ts";
import { listRelated } from "../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:follows");
    const rows = await listRelated(
      deps,
      "follow_requests",
      me.account.id,
      pageQuery(ctx.url),
    );
    return accountPageResponse(deps, ctx.url, rows);
  },
});
