/**
 * The dashboard (`view_dashboard`): what waits for moderators, the last 30 days' measures
 * (the same numbers `POST /api/v1/admin/measures` gives), and what the operator watches: the
 * job backlog and the space media takes.
 */
import type { Queryable, Sql } from "../db/client.ts";
import type { Actor } from "./permissions.ts";
import { requirePermission } from "./permissions.ts";
import { countUnresolvedReports } from "./reports-db.ts";
import { countLocalUsers } from "./accounts-db.ts";
import { type Measure, measures } from "./metrics.ts";

const DAY_MS = 24 * 3600 * 1000;
export const DASHBOARD_DAYS = 30;

export interface DashboardCounts {
  openReports: number;
  localUsers: number;
  /** Jobs due and not yet done (retrying ones included), and jobs parked for the operator. */
  jobsDue: number;
  jobsParked: number;
  /** Federation deliveries and inbox activities waiting (Postgres; null on the embedded KV). */
  federationDue: number | null;
  mediaBytes: string;
  measures: Measure[];
}

async function backlog(db: Queryable, withFederation: boolean) {
  const [row] = await db<
    {
      due: number;
      parked: number;
      federation: number | null;
      media: string;
    }[]
  >`
    SELECT
      (SELECT count(*) FROM jobs WHERE parked_at IS NULL AND run_at <= now()
         AND (ordering_key IS NULL OR ordering_key NOT LIKE 'schedule:%'))::int AS due,
      (SELECT count(*) FROM jobs WHERE parked_at IS NOT NULL)::int AS parked,
      ${
    withFederation
      ? db`(SELECT count(*) FROM federation_queue)::int`
      : db`NULL::int`
  } AS federation,
      (SELECT coalesce(sum(file_size), 0) FROM media_attachments)::text AS media`;
  return row;
}

export async function dashboardCounts(
  sql: Sql,
  actor: Actor | null,
  options: { federationTable: boolean; now?: Date },
): Promise<DashboardCounts> {
  requirePermission(actor, "view_dashboard");
  const today = new Date(
    (options.now ?? new Date()).toISOString().slice(0, 10) + "T00:00:00Z",
  );
  const period = {
    from: new Date(today.getTime() - (DASHBOARD_DAYS - 1) * DAY_MS),
    to: new Date(today.getTime() + DAY_MS),
  };
  const [openReports, localUsers, queue, numbers] = await Promise.all([
    countUnresolvedReports(sql),
    countLocalUsers(sql),
    backlog(sql, options.federationTable),
    measures(
      sql,
      actor,
      [
        "new_users",
        "active_users",
        "interactions",
        "opened_reports",
        "resolved_reports",
      ],
      period,
      () => undefined,
    ),
  ]);
  return {
    openReports,
    localUsers,
    jobsDue: queue.due,
    jobsParked: queue.parked,
    federationDue: queue.federation,
    mediaBytes: queue.media,
    measures: numbers,
  };
}
