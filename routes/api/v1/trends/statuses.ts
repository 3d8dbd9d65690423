/** GET /api/v1/trends/statuses — no trends yet; apps break on 404, so an empty list. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";

export const handler = define.handlers({
  GET() {
    return json([]);
  },
});
