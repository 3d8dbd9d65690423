/** GET /api/v1/statuses/:id/favourited_by — accounts, paged by the favourites' own ids. */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { linkHeader } from "../../../../../lib/mastodon/pagination.ts";
import {
  optionalViewer,
  page,
} from "../../../../../lib/mastodon/status-api.ts";
import { accountJson } from "../../../../../lib/mastodon/entities/account.ts";
import { statusActors } from "../../../../../lib/domain/timelines.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const viewerId = await optionalViewer(deps, ctx.req, "read:accounts");
    const rows = await statusActors(
      deps.sql,
      viewerId,
      ctx.params.id,
      "favourites",
      page(ctx.url, { limit: 40, max: 80 }),
    );
    const link = linkHeader(
      deps.config.origin,
      ctx.url,
      rows,
      (row) => row.mark_id,
    );
    return json(rows.map((row) => accountJson(row, deps.config.origin)), {
      headers: link ? { link } : {},
    });
  },
});
