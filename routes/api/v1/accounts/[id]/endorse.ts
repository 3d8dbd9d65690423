/** POST /api/v1/accounts/:id/endorse — feature a followed account on the caller's profile; answers the Relationship. */
import { define } from "../../../../../utils.ts";
import {
  caller,
  relationshipResponse,
} from "../../../../../lib/mastodon/account-api.ts";
import { endorse } from "../../../../../lib/domain/endorsements.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:accounts");
    await endorse(deps, me.account, ctx.params.id);
    return await relationshipResponse(deps, me.account, ctx.params.id);
  },
});
