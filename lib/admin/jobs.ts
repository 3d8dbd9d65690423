/**
 * `deno task admin jobs …`: what the job runner could not do. A job that failed for good is
 * parked with its error; the operator reads it here, then retries it (after fixing the cause)
 * or discards it.
 */
import type { Deps } from "../deps.ts";
import { parseArgs } from "node:util";
import { discardJob, listJobs, retryJob } from "../jobs/mod.ts";

export const JOBS_USAGE =
  `  jobs list [--parked] [--limit N]            # waiting and parked jobs, oldest first (100)
  jobs retry ID                               # run a parked job again, attempts counted afresh
  jobs discard ID                             # delete a job that is not running`;

export async function runJobsCommand(
  deps: Deps,
  command: string | undefined,
  args: string[],
  io: { out(line: string): void },
  fail: (message: string) => Error,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      parked: { type: "boolean", default: false },
      limit: { type: "string", default: "100" },
    },
    allowPositionals: true,
    strict: true,
  });
  const id = () => {
    const value = positionals[0];
    if (!value || !/^\d{1,19}$/.test(value)) {
      throw fail(`jobs ${command} needs a job id (see: jobs list)`);
    }
    return value;
  };
  switch (command) {
    case "list": {
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        throw fail(`--limit must be a positive number, not "${values.limit}"`);
      }
      const rows = await listJobs(deps.sql, { parked: values.parked, limit });
      io.out("id\tkind\tstate\tattempts\tcreated\tlast error");
      for (const row of rows) {
        const state = row.parked_at
          ? `parked ${row.parked_at.toISOString()}`
          : row.locked_until && row.locked_until > new Date()
          ? "running"
          : `due ${row.run_at.toISOString()}`;
        const error = row.last_error?.split("\n")[0] ?? "";
        io.out(
          `${row.id}\t${row.kind}\t${state}\t${row.attempts}\t${row.created_at.toISOString()}\t${error}`,
        );
      }
      if (rows.length === 0) {
        io.out(values.parked ? "(no parked jobs)" : "(no jobs)");
      }
      return 0;
    }
    case "retry": {
      const jobId = id();
      if (!await retryJob(deps.sql, jobId)) {
        throw fail(`no parked job ${jobId}`);
      }
      io.out(`job ${jobId} will run again now`);
      return 0;
    }
    case "discard": {
      const jobId = id();
      if (!await discardJob(deps.sql, jobId)) {
        throw fail(`no job ${jobId} that is not running`);
      }
      io.out(`job ${jobId} discarded`);
      return 0;
    }
    default:
      throw fail(`unknown jobs command "${command ?? ""}" (try: jobs list)`);
  }
}
