/** POST /api/v1/accounts/:id/note — the caller's private note about an account. */
import { define } from "../../../../../utils.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  caller,
  pathAccount,
  relationshipResponse,
} from "../../../../../lib/mastodon/account-api.ts";
import { setNote } from "../../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:accounts");
    const target = await pathAccount(deps, ctx.params);
    const comment = (await Params.from(ctx.req, ctx.url)).string("comment") ??
      "";
    await setNote(deps, me.account, target, comment);
    return await relationshipResponse(deps, me.account, target.id);
  },
});
