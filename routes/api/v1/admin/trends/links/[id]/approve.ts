/** POST /api/v1/admin/trends/links/:id/approve — a moderator's decision; answers the Trends::Link. */
import { define } from "../../../../../../../utils.ts";
import { reviewTrendRoute } from "../../../../../../../lib/mastodon/trends-api.ts";

export const handler = define.handlers({
  POST: reviewTrendRoute("link", true),
});
