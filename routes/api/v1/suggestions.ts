/** GET /api/v1/suggestions (v1) — like /api/v2/suggestions: no suggestions yet, an empty list. */
import { define } from "../../../utils.ts";
import { json } from "../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../lib/mastodon/status-api.ts";

export const handler = define.handlers({
  async GET(ctx) {
    await requireCaller(ctx.state.deps, ctx.req, "read");
    return json([]);
  },
});
