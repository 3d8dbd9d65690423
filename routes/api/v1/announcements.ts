/** GET /api/v1/announcements — no announcements yet. */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";

export const handler = define.handlers({
  GET() {
    return json([]);
  },
});
