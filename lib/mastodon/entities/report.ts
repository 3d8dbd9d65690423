/** The Report entity. */
import type { AccountRow } from "../../db/accounts.ts";
import type { ReportRow } from "../../db/reports.ts";
import { accountJson } from "./account.ts";
import type { Report } from "./types.ts";

export function reportJson(
  report: ReportRow,
  target: AccountRow,
  origin: string,
): Report {
  return {
    id: report.id,
    action_taken: report.action_taken_at !== null,
    action_taken_at: report.action_taken_at?.toISOString() ?? null,
    category: report.category,
    comment: report.comment,
    forwarded: report.forwarded,
    created_at: report.created_at.toISOString(),
    status_ids: report.status_ids.map(String),
    rule_ids: report.rule_ids?.map(String) ?? null,
    target_account: accountJson(target, origin),
  };
}
