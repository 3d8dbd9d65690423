/** GET /api/v1/emails/check_confirmation — whether the caller's address is confirmed (Mastodon 4.3). */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const me = await requireCaller(ctx.state.deps, ctx.req);
    return json(me.user.confirmed_at !== null);
  },
});
