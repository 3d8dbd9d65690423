/**
 * GET /api/v1/notifications/requests — Starling does not filter notifications into requests yet
 * (see lib/domain/notification-policy.ts), so the list is always empty.
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../../lib/mastodon/status-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    await requireCaller(ctx.state.deps, ctx.req, "read:notifications");
    return json([]);
  },
});
