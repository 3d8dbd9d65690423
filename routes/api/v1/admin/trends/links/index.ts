/** GET /api/v1/admin/trends/links — what trends now, reviewed or not (`manage_taxonomies`). */
import { define } from "../../../../../../utils.ts";
import { adminTrendsRoute } from "../../../../../../lib/mastodon/trends-api.ts";

export const handler = define.handlers({ GET: adminTrendsRoute("link") });
