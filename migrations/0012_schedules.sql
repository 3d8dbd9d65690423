-- Periodic work (lib/schedules): one row per schedule, claimed by the worker that moves
-- next_run_at forward, so each run happens once however many workers there are.
CREATE TABLE schedules (
  name text PRIMARY KEY,
  next_run_at timestamptz NOT NULL,
  last_run_at timestamptz,
  runs bigint NOT NULL DEFAULT 0
);
