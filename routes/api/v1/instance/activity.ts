/** GET /api/v1/instance/activity — weekly activity is not aggregated yet: an empty list. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";

export const handler = define.handlers({
  GET() {
    return json([]);
  },
});
