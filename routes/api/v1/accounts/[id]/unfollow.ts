/** POST /api/v1/accounts/:id/unfollow — stop following, or withdraw a pending request. Answers the Relationship. */
import { define } from "../../../../../utils.ts";
import {
  caller,
  pathAccount,
  relationshipResponse,
} from "../../../../../lib/mastodon/account-api.ts";
import { unfollow } from "../../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:follows");
    const target = await pathAccount(deps, ctx.params);
    await unfollow(deps, me.account, target);
    return await relationshipResponse(deps, me.account, target.id);
  },
});
