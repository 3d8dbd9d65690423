/** GET /api/v1/instance/domain_blocks — no moderated domains are published. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";

export const handler = define.handlers({
  GET() {
    return json([]);
  },
});
