/**
 * POST /api/v1/admin/retention — Admin::Cohort per day or month of sign-ups from `start_at` to
 * `end_at`: how many of each cohort were active in each later bucket. Missing parameters give
 * `[]`, as Mastodon's.
 */
import { define } from "../../../../utils.ts";
import { json } from "../../../../lib/mastodon/errors.ts";
import { Params } from "../../../../lib/mastodon/params.ts";
import {
  READ_DASHBOARD,
  requireStaffCaller,
} from "../../../../lib/mastodon/admin-api.ts";
import { renderAdminCohort } from "../../../../lib/mastodon/entities/admin-metrics.ts";
import { retentionCohorts } from "../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_DASHBOARD);
    const params = await Params.from(ctx.req, ctx.url);
    const startAt = params.string("start_at");
    const endAt = params.string("end_at");
    const frequency = params.string("frequency") === "month" ? "month" : "day";
    const cohorts = await retentionCohorts(
      deps.sql,
      actor,
      { startAt, endAt },
      frequency,
    );
    return json(cohorts.map(renderAdminCohort));
  },
});
