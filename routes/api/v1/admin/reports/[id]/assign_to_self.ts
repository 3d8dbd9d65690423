/** POST /api/v1/admin/reports/:id/assign_to_self — assign the report to the caller (`manage_reports`). */
import { define } from "../../../../../../utils.ts";
import {
  adminReportResponse,
  requireStaffCaller,
  WRITE_REPORTS,
} from "../../../../../../lib/mastodon/admin-api.ts";
import { assignToSelf } from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_REPORTS);
    const report = await assignToSelf(deps.sql, actor, ctx.params.id);
    return await adminReportResponse(deps, actor, report);
  },
});
