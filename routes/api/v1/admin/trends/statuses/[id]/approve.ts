/** POST /api/v1/admin/trends/statuses/:id/approve — a moderator's decision; answers the Status. */
import { define } from "../../../../../../../utils.ts";
import { reviewTrendRoute } from "../../../../../../../lib/mastodon/trends-api.ts";

export const handler = define.handlers({
  POST: reviewTrendRoute("status", true),
});
