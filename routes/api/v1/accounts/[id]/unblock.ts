/** POST /api/v1/accounts/:id/unblock — lift a block. Answers the Relationship. */
import { define } from "../../../../../utils.ts";
import {
  caller,
  pathAccount,
  relationshipResponse,
} from "../../../../../lib/mastodon/account-api.ts";
import { unblock } from "../../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:blocks");
    const target = await pathAccount(deps, ctx.params);
    await unblock(deps, me.account, target);
    return await relationshipResponse(deps, me.account, target.id);
  },
});
