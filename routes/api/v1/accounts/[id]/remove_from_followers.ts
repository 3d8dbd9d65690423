/** POST /api/v1/accounts/:id/remove_from_followers — make an account stop following you. Answers the Relationship. */
import { define } from "../../../../../utils.ts";
import {
  caller,
  pathAccount,
  relationshipResponse,
} from "../../../../../lib/mastodon/account-api.ts";
import { removeFollower } from "../../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:follows");
    const target = await pathAccount(deps, ctx.params);
    await removeFollower(deps, me.account, target);
    return await relationshipResponse(deps, me.account, target.id);
  },
});
