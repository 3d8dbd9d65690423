/**
 * GET /api/v1/admin/reports/:id — one report; PUT — change its `category` and cited
 * `rule_ids` (`manage_reports`).
 */
import { define } from "../../../../../../utils.ts";
import { Params } from "../../../../../../lib/mastodon/params.ts";
import {
  adminReportResponse,
  READ_REPORTS,
  requireStaffCaller,
  WRITE_REPORTS,
} from "../../../../../../lib/mastodon/admin-api.ts";
import {
  getReport,
  updateReportCategory,
} from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_REPORTS);
    const report = await getReport(deps.sql, actor, ctx.params.id);
    return await adminReportResponse(deps, actor, report);
  },
  async PUT(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_REPORTS);
    const params = await Params.from(ctx.req, ctx.url);
    const report = await updateReportCategory(deps.sql, actor, ctx.params.id, {
      category: params.string("category") || undefined,
      ruleIds: params.has("rule_ids") ? params.array("rule_ids") : undefined,
    });
    return await adminReportResponse(deps, actor, report);
  },
});
