/** GET /api/v1/admin/trends/links/publishers — the sites of trending links, reviewed or not. */
import { define } from "../../../../../../../utils.ts";
import { adminPublishersRoute } from "../../../../../../../lib/mastodon/trends-api.ts";

export const handler = define.handlers({ GET: adminPublishersRoute });
