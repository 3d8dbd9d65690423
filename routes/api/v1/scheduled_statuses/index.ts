/** GET /api/v1/scheduled_statuses — the caller's posts kept for later, newest first, paged. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import { linkHeader, pageQuery } from "../../../../lib/mastodon/pagination.ts";
import { listScheduledStatuses } from "../../../../lib/domain/scheduled-statuses.ts";
import { renderScheduledStatuses } from "../../../../lib/mastodon/entities/scheduled-status.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:statuses");
    const rows = await listScheduledStatuses(
      deps,
      me.account.id,
      pageQuery(ctx.url),
    );
    const link = linkHeader(deps.config.origin, ctx.url, rows, (r) => r.id);
    return json(await renderScheduledStatuses(deps, rows), {
      headers: link ? { link } : {},
    });
  },
});
