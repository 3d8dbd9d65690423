/** POST /api/v1/admin/reports/:id/resolve — mark the report resolved (`manage_reports`). */
import { define } from "../../../../../../utils.ts";
import {
  adminReportResponse,
  requireStaffCaller,
  WRITE_REPORTS,
} from "../../../../../../lib/mastodon/admin-api.ts";
import { resolve } from "../../../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...WRITE_REPORTS);
    const report = await resolve(deps.sql, actor, ctx.params.id);
    return await adminReportResponse(deps, actor, report);
  },
});
