/** GET /api/v1/notifications/requests/merged — no requests exist, so nothing is left to merge. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    await requireCaller(ctx.state.deps, ctx.req, "read:notifications");
    return json({ merged: true });
  },
});
