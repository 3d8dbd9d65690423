/** GET/PATCH /api/v2/notifications/policy — Starling filters nothing yet: everything accepted. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";

const policy = {
  for_not_following: "accept",
  for_not_followers: "accept",
  for_new_accounts: "accept",
  for_private_mentions: "accept",
  for_limited_accounts: "accept",
  summary: { pending_requests_count: 0, pending_notifications_count: 0 },
};

export const handler = define.handlers({
  async GET(ctx) {
    await requireCaller(ctx.state.deps, ctx.req, "read:notifications");
    return json(policy);
  },
  async PATCH(ctx) {
    await requireCaller(ctx.state.deps, ctx.req, "write:notifications");
    return json(policy);
  },
});
