/** POST /api/v1/admin/reports/:id/reopen — open a resolved report again (`manage_reports`). */
import { define } from "../../../../../../utils.ts";
import {
  adminReportResponse,
  requireStaffCaller,
  WRITE_REPORTS,
} from "../../../../../../lib/mastodon/admin-api.ts";
import { reopen } from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_REPORTS);
    const report = await reopen(deps.sql, actor, ctx.params.id);
    return await adminReportResponse(deps, actor, report);
  },
});
