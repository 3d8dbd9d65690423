/** POST /api/v1/accounts/:id/mute — mute, optionally its notifications, optionally for a time. */
import { define } from "../../../../../utils.ts";
import { Params } from "../../../../../lib/mastodon/params.ts";
import {
  caller,
  pathAccount,
  relationshipResponse,
} from "../../../../../lib/mastodon/account-api.ts";
import { mute } from "../../../../../lib/domain/relationships.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await caller(deps, ctx.req, "write:mutes");
    const target = await pathAccount(deps, ctx.params);
    const params = await Params.from(ctx.req, ctx.url);
    await mute(deps, me.account, target, {
      notifications: params.boolean("notifications"),
      durationSeconds: params.integer("duration"),
    });
    return await relationshipResponse(deps, me.account, target.id);
  },
});
