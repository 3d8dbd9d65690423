/**
 * The moderators' reports workflow: the queue, one report with everything needed to judge it,
 * and the actions on it (category, assign to self, unassign, resolve, reopen, notes). Each
 * action checks `manage_reports`, runs in one transaction with its audit-log entry, and
 * answers an unknown report with 404.
 */
import type { Queryable, Sql } from "../db/client.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountsByIds } from "../db/accounts.ts";
import { findReportById, type ReportRow } from "../db/reports.ts";
import { findStatusesByIds, type StatusRow } from "../db/statuses.ts";
import { checkCategory } from "../domain/reports.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { type Actor, requirePermission } from "./permissions.ts";
import * as db from "./reports-db.ts";
import {
  actionsOn,
  type AuditAction,
  type AuditLogRow,
  recordAction,
} from "./audit-log.ts";

/** Mastodon's limit on a report note. */
export const MAX_NOTE_LENGTH = 2000;

export type ReportFilter = Omit<
  db.ReportQuery,
  "limit" | "maxId" | "sinceId" | "minId"
>;

export async function listReports(
  sql: Queryable,
  actor: Actor | null,
  filter: ReportFilter,
  page: { maxId?: string; sinceId?: string; minId?: string; limit: number },
): Promise<ReportRow[]> {
  requirePermission(actor, "manage_reports");
  return await db.listReports(sql, { ...filter, ...page });
}

export async function getReport(
  sql: Queryable,
  actor: Actor | null,
  id: string,
): Promise<ReportRow> {
  requirePermission(actor, "manage_reports");
  const report = /^\d{1,19}$/.test(id) ? await findReportById(sql, id) : null;
  if (!report) throw notFound();
  return report;
}

/** The accounts a set of reports names (reporters, targets, assignees, resolvers). */
export async function accountsOfReports(
  sql: Queryable,
  reports: ReportRow[],
  extra: string[] = [],
): Promise<Map<string, AccountRow>> {
  const ids = new Set<string>(extra);
  for (const r of reports) {
    ids.add(r.account_id);
    ids.add(r.target_account_id);
    if (r.assigned_account_id) ids.add(r.assigned_account_id);
    if (r.action_taken_by_account_id) ids.add(r.action_taken_by_account_id);
  }
  const rows = await findAccountsByIds(sql, [...ids]);
  return new Map(rows.map((a) => [a.id, a]));
}

/**
 * The reported statuses, whatever their visibility: moderators judge followers-only and direct
 * posts too (Mastodon shows them in the report). Statuses deleted since are left out.
 */
export async function reportedStatuses(
  sql: Queryable,
  report: ReportRow,
): Promise<StatusRow[]> {
  const rows = await findStatusesByIds(sql, report.status_ids.map(String));
  return rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

export interface ReportCase {
  report: ReportRow;
  statuses: StatusRow[];
  notes: db.ReportNoteRow[];
  history: AuditLogRow[];
  accounts: Map<string, AccountRow>;
}

/** Everything the report page shows. */
export async function reportCase(
  sql: Queryable,
  actor: Actor | null,
  id: string,
): Promise<ReportCase> {
  const report = await getReport(sql, actor, id);
  const [statuses, notes, history] = await Promise.all([
    reportedStatuses(sql, report),
    db.listReportNotes(sql, report.id),
    actionsOn(sql, "Report", report.id),
  ]);
  const accounts = await accountsOfReports(sql, [report], [
    ...notes.map((n) => n.account_id),
    ...history.flatMap((h) => h.account_id ? [h.account_id] : []),
  ]);
  return { report, statuses, notes, history, accounts };
}

/** Locks the report, applies `change`, logs `action`; all or nothing. */
async function act(
  sql: Sql,
  actor: Actor | null,
  id: string,
  action: AuditAction,
  change: (report: ReportRow, tx: Queryable) => Promise<ReportRow>,
): Promise<ReportRow> {
  const moderator = requirePermission(actor, "manage_reports");
  return await sql.begin(async (tx) => {
    const report = await db.lockReport(tx, id);
    if (!report) throw notFound();
    const changed = await change(report, tx);
    await recordAction(tx, {
      accountId: moderator.accountId,
      action,
      targetType: "Report",
      targetId: report.id,
    });
    return changed;
  });
}

export function updateReportCategory(
  sql: Sql,
  actor: Actor | null,
  id: string,
  input: { category?: string; ruleIds?: string[] },
): Promise<ReportRow> {
  return act(sql, actor, id, "update", async (report, tx) => {
    const { category, ruleIds } = await checkCategory(
      tx,
      input.category ?? report.category,
      input.ruleIds ??
        (input.category ? [] : (report.rule_ids ?? []).map(String)),
    );
    return await db.updateReport(tx, report.id, {
      category,
      rule_ids: category === "violation" ? ruleIds : null,
    });
  });
}

export function assignToSelf(sql: Sql, actor: Actor | null, id: string) {
  return act(
    sql,
    actor,
    id,
    "assigned_to_self",
    (report, tx) =>
      db.updateReport(tx, report.id, { assigned_account_id: actor!.accountId }),
  );
}

export function unassign(sql: Sql, actor: Actor | null, id: string) {
  return act(
    sql,
    actor,
    id,
    "unassigned",
    (report, tx) =>
      db.updateReport(tx, report.id, { assigned_account_id: null }),
  );
}

export function resolve(sql: Sql, actor: Actor | null, id: string) {
  return act(
    sql,
    actor,
    id,
    "resolve",
    (report, tx) =>
      db.updateReport(tx, report.id, {
        action_taken_at: new Date(),
        action_taken_by_account_id: actor!.accountId,
      }),
  );
}

export function reopen(sql: Sql, actor: Actor | null, id: string) {
  return act(
    sql,
    actor,
    id,
    "reopen",
    (report, tx) =>
      db.updateReport(tx, report.id, {
        action_taken_at: null,
        action_taken_by_account_id: null,
      }),
  );
}

/** A moderator's note on a report (kept with the report, logged like the other actions). */
export async function addNote(
  sql: Sql,
  actor: Actor | null,
  id: string,
  content: string,
): Promise<db.ReportNoteRow> {
  const text = content.trim();
  if (!text) throw invalid("Content can't be blank", "content");
  if ([...text].length > MAX_NOTE_LENGTH) {
    throw invalid(
      `Content is too long (maximum is ${MAX_NOTE_LENGTH} characters)`,
      "content",
    );
  }
  let note: db.ReportNoteRow | undefined;
  await act(sql, actor, id, "add_note", async (report, tx) => {
    note = await db.insertReportNote(tx, {
      report_id: report.id,
      account_id: actor!.accountId,
      content: text,
    });
    return report;
  });
  return note!;
}

export { countUnresolvedReports } from "./reports-db.ts";
export type { ReportNoteRow } from "./reports-db.ts";
