/** POST /api/v1/notifications/requests/dismiss — `id[]` of requests; there are none, so a no-op. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";

export const handler = define.handlers({
  async POST(ctx) {
    await requireCaller(ctx.state.deps, ctx.req, "write:notifications");
    return json({});
  },
});
