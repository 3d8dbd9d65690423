/** POST /api/v1/announcements/:id/dismiss — marks an announcement read for the caller. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";
import { dismissAnnouncement } from "../../../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:accounts");
    await dismissAnnouncement(deps.sql, me.account.id, ctx.params.id);
    return json({});
  },
});
