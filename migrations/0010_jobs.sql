-- Starling's own durable side effects (lib/jobs): a job is written in the same transaction as
-- the change that causes it, and runs from this table on every kind of database (Postgres and
-- the embedded PGlite). Claimed like federation_queue (same runner, lib/jobs/lease-runner.ts):
-- a worker sets locked_until (its lease, renewed while the handler runs); a row whose lease ran
-- out (the worker died) is claimed again; rows sharing an ordering_key run one at a time.
-- A job that failed for good is parked: parked_at and last_error set, run_at 'infinity' so the
-- claim query never sees it again until an operator retries it (deno task admin jobs ...).
CREATE TABLE jobs (
  id bigint PRIMARY KEY DEFAULT starling_id(),
  kind text NOT NULL,
  payload json NOT NULL,          -- json, not jsonb: kept as written (jsonb refuses \u0000)
  ordering_key text,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,  -- claims so far (counted at claim: a crash counts too)
  locked_until timestamptz,
  last_error text,
  parked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs (run_at, id);
CREATE INDEX jobs_ordering ON jobs (ordering_key, run_at, id) WHERE ordering_key IS NOT NULL;
CREATE INDEX jobs_parked ON jobs (parked_at, id) WHERE parked_at IS NOT NULL;
-- A scheduled kind (media pruning, …) is one row, whichever processes start: its ordering key
-- is 'schedule:<kind>', and after each run the row is moved to its next run_at.
CREATE UNIQUE INDEX jobs_schedule ON jobs (ordering_key) WHERE ordering_key LIKE 'schedule:%';
