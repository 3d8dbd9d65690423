/** GET /api/v1/statuses/:id/favourited_by — accounts, paged by the favourites' own ids. */
import { define } from "../../../../../utils.ts";
import { statusActorsResponse } from "../../../../../lib/mastodon/status-api.ts";

export const handler = define.handlers({
  GET(ctx) {
    return statusActorsResponse(
      ctx.state.deps,
      ctx.req,
      ctx.url,
      ctx.params.id,
      "favourites",
    );
  },
});
