/** The dashboard's counts (`view_dashboard`): the ones Starling has data for so far. */
import type { Queryable } from "../db/client.ts";
import type { Actor } from "./permissions.ts";
import { requirePermission } from "./permissions.ts";
import { countUnresolvedReports } from "./reports-db.ts";
import { countLocalUsers } from "./accounts-db.ts";

export interface DashboardCounts {
  openReports: number;
  localUsers: number;
}

export async function dashboardCounts(
  sql: Queryable,
  actor: Actor | null,
): Promise<DashboardCounts> {
  requirePermission(actor, "view_dashboard");
  const [openReports, localUsers] = await Promise.all([
    countUnresolvedReports(sql),
    countLocalUsers(sql),
  ]);
  return { openReports, localUsers };
}
