/** SQL for the moderators' side of reports: the queue, the workflow's changes, and notes. */
import type { Queryable } from "../db/client.ts";
import type { ReportRow } from "../db/reports.ts";

export interface ReportQuery {
  /** true: resolved only; false: unresolved only; undefined: both, unresolved first. */
  resolved?: boolean;
  accountId?: string;
  targetAccountId?: string;
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

/** Newest first (oldest first then reversed with `minId`, as every Mastodon list pages). */
export async function listReports(
  db: Queryable,
  q: ReportQuery,
): Promise<ReportRow[]> {
  const resolvedFilter = q.resolved === undefined
    ? db``
    : q.resolved
    ? db`AND action_taken_at IS NOT NULL`
    : db`AND action_taken_at IS NULL`;
  const rows = await db<ReportRow[]>`
    SELECT * FROM reports
    WHERE true ${resolvedFilter}
      ${q.accountId ? db`AND account_id = ${q.accountId}` : db``}
      ${
    q.targetAccountId ? db`AND target_account_id = ${q.targetAccountId}` : db``
  }
      ${q.maxId ? db`AND id < ${q.maxId}` : db``}
      ${q.sinceId ? db`AND id > ${q.sinceId}` : db``}
      ${q.minId ? db`AND id > ${q.minId}` : db``}
    ORDER BY ${
    q.resolved === undefined ? db`(action_taken_at IS NOT NULL),` : db``
  } id ${q.minId ? db`ASC` : db`DESC`}
    LIMIT ${q.limit}`;
  return q.minId ? [...rows].reverse() : [...rows];
}

export async function countUnresolvedReports(db: Queryable): Promise<number> {
  const [row] = await db<{ n: string }[]>`
    SELECT count(*) AS n FROM reports WHERE action_taken_at IS NULL`;
  return Number(row.n);
}

/** The report, locked for the rest of the transaction. */
export async function lockReport(
  db: Queryable,
  id: string,
): Promise<ReportRow | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const [row] = await db<ReportRow[]>`
    SELECT * FROM reports WHERE id = ${id} FOR UPDATE`;
  return row ?? null;
}

export type ReportChange = Partial<
  Pick<
    ReportRow,
    | "category"
    | "rule_ids"
    | "assigned_account_id"
    | "action_taken_at"
    | "action_taken_by_account_id"
  >
>;

export async function updateReport(
  db: Queryable,
  id: string,
  change: ReportChange,
): Promise<ReportRow> {
  const keys = Object.keys(change) as (keyof ReportChange)[];
  const [row] = await db<ReportRow[]>`
    UPDATE reports SET ${db(change, ...keys)}, updated_at = now()
    WHERE id = ${id} RETURNING *`;
  return row;
}

export interface ReportNoteRow {
  id: string;
  report_id: string;
  account_id: string;
  content: string;
  created_at: Date;
}

export async function insertReportNote(
  db: Queryable,
  note: Pick<ReportNoteRow, "report_id" | "account_id" | "content">,
): Promise<ReportNoteRow> {
  const [row] = await db<ReportNoteRow[]>`
    INSERT INTO report_notes (report_id, account_id, content)
    VALUES (${note.report_id}, ${note.account_id}, ${note.content})
    RETURNING *`;
  return row;
}

export async function listReportNotes(
  db: Queryable,
  reportId: string,
): Promise<ReportNoteRow[]> {
  return [
    ...await db<ReportNoteRow[]>`
      SELECT * FROM report_notes WHERE report_id = ${reportId} ORDER BY id`,
  ];
}
