/** GET /api/v1/domain_blocks — user-level domain blocks are not supported yet. */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";

export const handler = define.handlers({
  GET() {
    return json([]);
  },
});
