/** GET /api/v1/instance/rules — no server rules are configured yet. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";

export const handler = define.handlers({
  GET() {
    return json([]);
  },
});
