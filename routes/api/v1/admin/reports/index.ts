/**
 * GET /api/v1/admin/reports — the reports queue (`manage_reports`): unresolved ones unless
 * `resolved=true`; by reporter (`account_id`) or reported account (`target_account_id`).
 */
import { define } from "../../../../../utils.ts";
import { json } from "../../../../../lib/mastodon/errors.ts";
import { linkHeader } from "../../../../../lib/mastodon/pagination.ts";
import { page } from "../../../../../lib/mastodon/status-api.ts";
import {
  adminRenderOptions,
  READ_REPORTS,
  requireStaffCaller,
} from "../../../../../lib/mastodon/admin-api.ts";
import { renderAdminReports } from "../../../../../lib/mastodon/entities/admin-report.ts";
import { listReports } from "../../../../../lib/moderation/mod.ts";

const ID = /^\d{1,19}$/;

export const handler = define.handlers({
  async GET(ctx) {
    const { deps } = ctx.state;
    const actor = await requireStaffCaller(deps, ctx.req, ...READ_REPORTS);
    const query = ctx.url.searchParams;
    const id = (name: string) => {
      const value = query.get(name);
      return value && ID.test(value) ? value : undefined;
    };
    const reports = await listReports(deps.sql, actor, {
      resolved: ["true", "1"].includes(query.get("resolved") ?? ""),
      accountId: id("account_id"),
      targetAccountId: id("target_account_id"),
    }, page(ctx.url, { limit: 100, max: 200 }));
    const link = linkHeader(deps.config.origin, ctx.url, reports, (r) => r.id);
    return json(
      await renderAdminReports(adminRenderOptions(deps, actor), reports),
      { headers: link ? { link } : {} },
    );
  },
});
