/** SQL for periodic work: claiming the schedules that are due (`lib/schedules`). */
import type { Queryable } from "./client.ts";

export interface ScheduleTiming {
  name: string;
  everyMs: number;
}

/**
 * Claims the schedules that are due and moves each one's next run a period on, in one statement.
 * A row updated by another worker meanwhile is re-checked after its lock (no longer due), so
 * each due run is claimed by exactly one caller. A schedule seen for the first time is due now.
 */
export async function claimDueSchedules(
  sql: Queryable,
  schedules: readonly ScheduleTiming[],
): Promise<string[]> {
  if (schedules.length === 0) return [];
  const names = schedules.map((s) => s.name);
  const periods = schedules.map((s) => Math.round(s.everyMs));
  await sql`
    INSERT INTO schedules (name, next_run_at)
    SELECT name, now() FROM unnest(${names}::text[]) AS name
    ON CONFLICT (name) DO NOTHING`;
  const rows = await sql<{ name: string }[]>`
    UPDATE schedules AS s
    SET next_run_at = now() + d.every_ms * interval '1 millisecond',
      last_run_at = now(), runs = s.runs + 1
    FROM unnest(${names}::text[], ${periods}::bigint[]) AS d(name, every_ms)
    WHERE s.name = d.name AND s.next_run_at <= now()
    RETURNING s.name`;
  return rows.map((r) => r.name);
}
