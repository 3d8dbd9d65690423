/**
 * Admin::Report (docs.joinmastodon.org/entities/Admin_Report), as Mastodon's
 * REST::Admin::ReportSerializer renders it: the report with its accounts as Admin::Accounts,
 * the reported statuses (whatever their visibility: moderators see them all) and the cited
 * rules (deleted ones too: the report still cites them). A page renders in a fixed number of
 * queries, whatever its length.
 */
import type { Queryable } from "../../db/client.ts";
import type { ReportRow } from "../../db/reports.ts";
import { findStatusesByIds } from "../../db/statuses.ts";
import { accountsOfReports, moderatedAccounts } from "../../moderation/mod.ts";
import { rulesByIds } from "../../instance/mod.ts";
import { type AdminAccountJson, adminAccountJson } from "./admin-account.ts";
import { renderStatuses } from "./status.ts";
import type { Status } from "./types.ts";

export interface AdminReportJson {
  id: string;
  action_taken: boolean;
  action_taken_at: string | null;
  category: string;
  comment: string;
  forwarded: boolean;
  created_at: string;
  updated_at: string;
  account: AdminAccountJson;
  target_account: AdminAccountJson;
  assigned_account: AdminAccountJson | null;
  action_taken_by_account: AdminAccountJson | null;
  statuses: Status[];
  rules: { id: string; text: string; hint: string }[];
}

export interface AdminRenderOptions {
  sql: Queryable;
  origin: string;
  /** The moderator looking (their own favourites etc. show on the statuses). */
  viewerId: string;
  mediaUrl?: (key: string) => string;
}

export async function renderAdminReports(
  options: AdminRenderOptions,
  reports: ReportRow[],
): Promise<AdminReportJson[]> {
  if (reports.length === 0) return [];
  const accountRows = await accountsOfReports(options.sql, reports);
  const views = await moderatedAccounts(options.sql, [...accountRows.values()]);
  const accounts = new Map(
    views.map((v) => [v.account.id, adminAccountJson(v, options.origin)]),
  );
  const statusRows = await findStatusesByIds(options.sql, [
    ...new Set(reports.flatMap((r) => r.status_ids.map(String))),
  ]);
  const statuses = new Map(
    (await renderStatuses(options, statusRows)).map((s) => [s.id, s]),
  );
  const rules = new Map(
    (await rulesByIds(options.sql, [
      ...new Set(reports.flatMap((r) => (r.rule_ids ?? []).map(String))),
    ])).map((rule) => [
      String(rule.id),
      { id: String(rule.id), text: rule.text, hint: rule.hint },
    ]),
  );
  const account = (id: string | null) => (id && accounts.get(id)) || null;
  return reports.flatMap((report) => {
    const reporter = account(report.account_id);
    const target = account(report.target_account_id);
    if (!reporter || !target) return [];
    return [{
      id: report.id,
      action_taken: report.action_taken_at !== null,
      action_taken_at: report.action_taken_at?.toISOString() ?? null,
      category: report.category,
      comment: report.comment,
      forwarded: report.forwarded,
      created_at: report.created_at.toISOString(),
      updated_at: report.updated_at.toISOString(),
      account: reporter,
      target_account: target,
      assigned_account: account(report.assigned_account_id),
      action_taken_by_account: account(report.action_taken_by_account_id),
      statuses: report.status_ids.flatMap((id) => {
        const status = statuses.get(String(id));
        return status ? [status] : [];
      }),
      rules: (report.rule_ids ?? []).flatMap((id) => {
        const rule = rules.get(String(id));
        return rule ? [rule] : [];
      }),
    }];
  });
}

export async function renderAdminReport(
  options: AdminRenderOptions,
  report: ReportRow,
): Promise<AdminReportJson> {
  const [json] = await renderAdminReports(options, [report]);
  return json;
}
