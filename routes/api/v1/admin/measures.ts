/** POST /api/v1/admin/measures — Admin::Measure for `keys[]` over `start_at`..`end_at`. */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import {
  READ_DASHBOARD,
  requireStaffCaller,
} from "../../../../lib/mastodon/admin-api.ts";
import { renderAdminMeasure } from "../../../../lib/mastodon/entities/admin-metrics.ts";
import { measures } from "../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_DASHBOARD);
    const params = await Params.from(ctx.req, ctx.url);
    const result = await measures(
      deps.sql,
      actor,
      params.array("keys"),
      { startAt: params.string("start_at"), endAt: params.string("end_at") },
      (key, name) => params.string(key, name),
    );
    return json(result.map(renderAdminMeasure));
  },
});
