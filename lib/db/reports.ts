/** SQL for reports: filed by local accounts, or received from other servers as `Flag`s. */
import type { Queryable } from "./client.ts";

export interface ReportRow {
  id: string;
  account_id: string;
  target_account_id: string;
  status_ids: string[];
  rule_ids: string[] | null;
  comment: string;
  category: string;
  /** The `Flag`'s id, for reports from other servers. */
  uri: string | null;
  forwarded: boolean;
  action_taken_at: Date | null;
  /** Migration 0011: the moderator handling it, and the one who resolved it. */
  assigned_account_id: string | null;
  action_taken_by_account_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Inserts a report; null when one with the same `uri` exists (a repeated delivery). */
export async function insertReport(
  db: Queryable,
  report:
    & Pick<
      ReportRow,
      "account_id" | "target_account_id" | "status_ids" | "comment"
    >
    & Partial<Pick<ReportRow, "rule_ids" | "category" | "forwarded" | "uri">>,
): Promise<ReportRow | null> {
  const [row] = await db<ReportRow[]>`
    INSERT INTO reports (account_id, target_account_id, status_ids, rule_ids, comment, category,
                         forwarded, uri)
    VALUES (${report.account_id}, ${report.target_account_id}, ${report.status_ids}::bigint[],
            ${report.rule_ids ?? null}::bigint[], ${report.comment},
            ${report.category ?? "other"}, ${report.forwarded ?? false}, ${
    report.uri ?? null
  })
    ON CONFLICT (uri) DO NOTHING
    RETURNING *`;
  return row ?? null;
}

export async function findReportById(
  db: Queryable,
  id: string,
): Promise<ReportRow | null> {
  const [row] = await db<ReportRow[]>`SELECT * FROM reports WHERE id = ${id}`;
  return row ?? null;
}

export async function findReportsByIds(
  db: Queryable,
  ids: string[],
): Promise<ReportRow[]> {
  if (ids.length === 0) return [];
  return await db<
    ReportRow[]
  >`SELECT * FROM reports WHERE id = ANY(${ids}::bigint[])`;
}

/** Those of `ids` that are statuses by `accountId`. */
export async function statusIdsOwnedBy(
  db: Queryable,
  ids: string[],
  accountId: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db<{ id: string }[]>`
    SELECT id FROM statuses WHERE id = ANY(${ids}::bigint[]) AND account_id = ${accountId}`;
  return rows.map((r) => r.id);
}
