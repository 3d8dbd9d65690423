/**
 * GET/PUT/DELETE /api/v1/scheduled_statuses/:id — one of the caller's scheduled posts; PUT
 * moves it (`scheduled_at`, same limits), DELETE withdraws it (its uploads are free again).
 */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import { requireCaller } from "../../../../lib/mastodon/status-api.ts";
import * as scheduled from "../../../../lib/domain/scheduled-statuses.ts";
import { renderScheduledStatus } from "../../../../lib/mastodon/entities/scheduled-status.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "read:statuses");
    const row = await scheduled.getScheduledStatus(
      deps,
      me.account.id,
      ctx.params.id,
    );
    return json(await renderScheduledStatus(deps, row));
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:statuses");
    const params = await Params.from(ctx.req, ctx.url);
    const at = scheduled.parseScheduledAt(params.string("scheduled_at"));
    const row = at
      ? await scheduled.rescheduleStatus(deps, me.account.id, ctx.params.id, at)
      : await scheduled.getScheduledStatus(deps, me.account.id, ctx.params.id);
    return json(await renderScheduledStatus(deps, row));
  },
  async DELETE(ctx) {
    const { deps } = ctx.state;
    const me = await requireCaller(deps, ctx.req, "write:statuses");
    await scheduled.cancelScheduledStatus(deps, me.account.id, ctx.params.id);
    return json({});
  },
});
