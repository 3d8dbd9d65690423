/**
 * Reports, as Mastodon takes them: a local account reports an account, optionally with some of
 * its statuses, a comment, a category and cited server rules. A status the reporter may not see
 * is refused exactly like a missing one (404), so reporting can't probe for hidden posts.
 * Forwarding (remote targets only) is done by federation, on `report.created`. Reports from
 * other servers (`Flag`) arrive through `receiveRemoteReport`. Either way, those who may
 * manage reports get an `admin.report` notification (lib/moderation).
 */
import type { Queryable, Sql } from "../db/client.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findStatusById } from "../db/statuses.ts";
import * as db from "../db/reports.ts";
import type { ReportRow } from "../db/reports.ts";
import type { Effects } from "./effects.ts";
import { invalid, notFound } from "./errors.ts";
import { findAccount } from "./profiles.ts";
import { requireVisible } from "./visibility.ts";
import { notificationEvents } from "./status-insert.ts";
import { notifyReportFiled } from "../moderation/mod.ts";
import { listRules, unknownRuleIds } from "../instance/mod.ts";

export const REPORT_CATEGORIES = ["spam", "legal", "violation", "other"];
export const MAX_REPORT_COMMENT = 1000;
/** More than any client sends; keeps one request from looking up thousands of statuses. */
const MAX_REPORTED_STATUSES = 100;

export interface NewReport {
  targetAccountId: string;
  statusIds: string[];
  comment?: string;
  category?: string;
  ruleIds: string[];
  forward: boolean;
}

/** The server's rules in force, for a report form to offer (`GET /api/v1/instance/rules`). */
export async function reportableRules(
  sql: Queryable,
): Promise<{ id: string; text: string }[]> {
  return (await listRules(sql)).map((r) => ({
    id: String(r.id),
    text: r.text,
  }));
}

/**
 * A report's category and cited rules, checked. Citing rules makes it a rule violation,
 * whatever category was sent (Mastodon's rule); other categories cite none.
 */
export async function checkCategory(
  sql: Queryable,
  requested: string,
  requestedRuleIds: string[],
): Promise<{ category: string; ruleIds: string[] }> {
  const ruleIds = [...new Set(requestedRuleIds)];
  const category = ruleIds.length ? "violation" : requested;
  if (!REPORT_CATEGORIES.includes(category)) {
    throw invalid(`Category '${category}' is not a valid category`, "category");
  }
  // Only the rules in force (`GET /api/v1/instance/rules`) may be cited.
  if ((await unknownRuleIds(sql, ruleIds)).length > 0) {
    throw invalid("Rule ids does not reference valid rules", "rule_ids");
  }
  return { category, ruleIds };
}

export async function fileReport(
  deps: { sql: Sql; effects?: Effects },
  reporter: AccountRow,
  input: NewReport,
): Promise<{ report: ReportRow; target: AccountRow }> {
  const target = await findAccount(deps.sql, input.targetAccountId);
  const comment = input.comment ?? "";
  if ([...comment].length > MAX_REPORT_COMMENT) {
    throw invalid(
      `Comment is too long (maximum is ${MAX_REPORT_COMMENT} characters)`,
      "comment",
    );
  }
  const { category, ruleIds } = await checkCategory(
    deps.sql,
    input.category || "other",
    input.ruleIds,
  );
  const statusIds = [...new Set(input.statusIds)];
  if (statusIds.length > MAX_REPORTED_STATUSES) {
    throw invalid(
      `Statuses are too many (maximum is ${MAX_REPORTED_STATUSES})`,
      "status_ids",
    );
  }
  const viewer = { accountId: reporter.id };
  for (const id of statusIds) {
    const status = await requireVisible(
      deps.sql,
      viewer,
      await findStatusById(deps.sql, id),
    );
    // Only the target's own statuses belong in a report about them.
    if (status.account_id !== target.id) throw notFound();
  }
  const forwarded = input.forward && target.domain !== null;
  const report = await deps.sql.begin(async (tx) => {
    const report = (await db.insertReport(tx, {
      account_id: reporter.id,
      target_account_id: target.id,
      status_ids: statusIds,
      rule_ids: category === "violation" ? ruleIds : null,
      comment,
      category,
      forwarded,
    }))!; // no uri, so never a duplicate
    const notifications = await notifyReportFiled(tx, report);
    await deps.effects?.record(
      tx,
      { type: "report.created", reportId: report.id, forward: forwarded },
      ...notificationEvents(notifications),
    );
    return report;
  });
  return { report, target };
}

export function findReport(
  sql: Queryable,
  id: string,
): Promise<ReportRow | null> {
  return db.findReportById(sql, id);
}

/**
 * A report from another server about one of our accounts (and some of its statuses). Only
 * statuses by the reported account are kept; a repeated delivery (same `uri`) is ignored.
 */
export async function receiveRemoteReport(
  deps: { sql: Sql; effects?: Effects },
  input: {
    reporter: AccountRow;
    target: AccountRow;
    statusIds: string[];
    comment: string;
    uri: string | null;
  },
): Promise<boolean> {
  const owned = await db.statusIdsOwnedBy(
    deps.sql,
    input.statusIds,
    input.target.id,
  );
  return await deps.sql.begin(async (tx) => {
    const inserted = await db.insertReport(tx, {
      account_id: input.reporter.id,
      target_account_id: input.target.id,
      status_ids: owned,
      comment: [...input.comment].slice(0, MAX_REPORT_COMMENT).join(""),
      uri: input.uri,
    });
    if (!inserted) return false;
    const notifications = await notifyReportFiled(tx, inserted);
    await deps.effects?.record(tx, ...notificationEvents(notifications));
    return true;
  });
}
