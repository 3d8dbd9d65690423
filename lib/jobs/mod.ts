/**
 * Durable side effects: jobs written in the transaction of the change that causes them and run
 * from the `jobs` table (`queue.ts`), on the lease runner that Fedify's Postgres queue shares
 * (`lease-runner.ts`). Everything outside `lib/jobs` imports from here.
 */
export {
  type ClaimedRow,
  LeaseRunner,
  type LeaseTable,
} from "./lease-runner.ts";
export {
  defineJob,
  exponentialBackoff,
  type JobDefinition,
  JobRegistry,
  RetryLater,
  type RetryPolicy,
} from "./define.ts";
export { type EnqueueOptions, JobQueue } from "./queue.ts";
export {
  discardJobRow as discardJob,
  type JobRow,
  JOBS_CHANNEL,
  listJobRows as listJobs,
  unparkJob as retryJob,
} from "./db.ts";
export * as schema from "./schema.ts";
export { PayloadError } from "./schema.ts";
