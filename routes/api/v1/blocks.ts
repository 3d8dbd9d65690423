/** GET /api/v1/blocks — accounts the caller blocks, newest block first. */
import { define } from "../../../utils.ts";
import { pageQuery } from "../../../lib/mastodon/pagination.ts";
import {
  accountPageResponse,
  caller,
} from "../../../lib/mastodon/account-api.ts";
import { listRelated } from "../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "read:blocks");
    const rows = await listRelated(
      deps,
      "blocks",
      me.account.id,
      pageQuery(ctx.url),
    );
    return accountPageResponse(deps, ctx.url, rows);
  },
});
