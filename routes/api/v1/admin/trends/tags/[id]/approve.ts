/** POST /api/v1/admin/trends/tags/:id/approve — a moderator's decision; answers the Admin::Tag. */
import { define } from "../../../../../../../utils.ts";
import { reviewTrendRoute } from "../../../../../../../lib/mastodon/trends-api.ts";

export const handler = define.handlers({ POST: reviewTrendRoute("tag", true) });
