/**
 * POST /api/v1/accounts/:id/follow — follow, or ask to (locked or remote accounts); repeating
 * it changes `reblogs`, `notify` and `languages`. Answers the Relationship.
 */
import { define } from "../../../../../utils.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  caller,
  pathAccount,
  relationshipResponse,
} from "../../../../../lib/mastodon/account-api.ts";
import { follow } from "../../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:follows");
    const target = await pathAccount(deps, ctx.params);
    const params = await Params.from(ctx.req, ctx.url);
    await follow(deps, me.account, target, {
      reblogs: params.boolean("reblogs"),
      notify: params.boolean("notify"),
      languages: params.has("languages")
        ? params.array("languages")
        : undefined,
    });
    return await relationshipResponse(deps, me.account, target.id);
  },
});
