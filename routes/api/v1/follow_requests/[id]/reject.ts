/** POST /api/v1/follow_requests/:id/reject — :id is the requesting account. Answers the Relationship. */
import { define } from "../../../../../utils.ts";
import {
  caller,
  pathAccount,
  relationshipResponse,
} from "../../../../../lib/mastodon/account-api.ts";
import { rejectFollowRequest } from "../../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:follows");
    const requester = await pathAccount(deps, ctx.params);
    await rejectFollowRequest(deps, me.account, requester);
    return await relationshipResponse(deps, me.account, requester.id);
  },
});
