/** GET /api/v1/directory — the profile directory is not built yet: an empty list, never a 404. */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";

export const handler = define.handlers({
  GET() {
    return json([]);
  },
});
