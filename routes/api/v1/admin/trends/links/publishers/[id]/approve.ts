/** POST /api/v1/admin/trends/links/publishers/:id/approve — for every link from that site. */
import { define } from "../../../../../../../../utils.ts";
import { reviewPublisherRoute } from "../../../../../../../../lib/mastodon/trends-api.ts";

export const handler = define.handlers({ POST: reviewPublisherRoute(true) });
