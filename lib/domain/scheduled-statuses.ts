/**
 * Scheduled statuses (Mastodon's `scheduled_at`): the post's parameters are checked and kept
 * with the uploads they name; a `status.publish_scheduled` job, written in the same
 * transaction with `run_at` = `scheduled_at`, posts them through `createStatus` — the very path
 * of posting now — when the time comes. The job is durable: it runs after a restart, and a
 * database that is down at that moment delays it by its retry backoff (seconds).
 */
import type { Deps } from "../deps.ts";
import * as db from "../db/scheduled-statuses.ts";
import type {
  ScheduledParams,
  ScheduledStatusRow,
} from "../db/scheduled-statuses.ts";
import { findAccountById, findUserByAccountId } from "../db/accounts.ts";
import { findStatusById } from "../db/statuses.ts";
import type { PageQuery } from "../mastodon/pagination.ts";
import {
  createStatus,
  type CreateStatusInput,
  requireConfirmedEmail,
} from "./statuses.ts";
import type { LocalAuthor } from "./statuses.ts";
import { parseVisibility, validateStatusBody } from "./status-input.ts";
import { requireVisible } from "./visibility.ts";
import { DomainError, invalid, notFound } from "./errors.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";

/** Mastodon's limits: at least 5 minutes ahead, 300 pending, 25 on one (UTC) day. */
export const MIN_LEAD_MS = 5 * 60 * 1000;
export const TOTAL_LIMIT = 300;
export const DAILY_LIMIT = 25;

export const PUBLISH_SCHEDULED_JOB = "status.publish_scheduled";
const jobKey = (id: string) => `scheduled_status:${id}`;

/** Parses `scheduled_at`; null when absent. */
export function parseScheduledAt(value: string | undefined): Date | null {
  if (!value) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw invalid("Scheduled at is not a valid date", "scheduled_at");
  }
  return at;
}

function checkLeadTime(at: Date): void {
  if (at.getTime() < Date.now() + MIN_LEAD_MS) {
    throw invalid(
      "Validation failed: Scheduled at The scheduled date must be in the future",
      "scheduled_at",
    );
  }
}

/** Checks a post for later and keeps it, its uploads held, with its publishing job. */
export async function scheduleStatus(
  deps: Deps,
  author: LocalAuthor,
  input: CreateStatusInput,
  scheduledAt: Date,
): Promise<ScheduledStatusRow> {
  requireConfirmedEmail(author.user);
  checkLeadTime(scheduledAt);
  const text = (input.status ?? "").replace(/\r\n?/g, "\n");
  const mediaIds = [...new Set(input.mediaIds ?? [])];
  validateStatusBody(
    text,
    input.spoilerText ?? "",
    mediaIds,
    input.poll ?? null,
  );
  const visibility = parseVisibility(
    input.visibility,
    author.user.default_privacy,
  );
  const params: ScheduledParams = {
    text,
    spoiler_text: input.spoilerText ?? null,
    sensitive: input.sensitive ?? null,
    visibility,
    in_reply_to_id: input.inReplyToId ?? null,
    language: input.language ?? null,
    media_ids: mediaIds.length ? mediaIds : null,
    poll: input.poll
      ? {
        options: input.poll.options,
        expires_in: input.poll.expiresIn ?? 0,
        multiple: input.poll.multiple ?? false,
        hide_totals: input.poll.hideTotals ?? false,
      }
      : null,
    idempotency: input.idempotencyKey ?? null,
    application_id: input.applicationId ?? null,
    scheduled_at: scheduledAt.toISOString(),
    with_rate_limit: false,
  };
  return await deps.sql.begin(async (tx) => {
    // One author's schedules are counted one at a time (the limits hold under concurrency).
    await tx`SELECT 1 FROM accounts WHERE id = ${author.account.id} FOR UPDATE`;
    await checkLimits(tx, author.account.id, scheduledAt);
    if (input.inReplyToId) {
      await requireVisible(
        tx,
        { accountId: author.account.id },
        await findStatusById(tx, input.inReplyToId),
      ).catch(() => {
        throw invalid(
          "The post you are trying to reply to does not appear to exist",
          "in_reply_to_id",
        );
      });
    }
    const row = await db.insertScheduledStatus(
      tx,
      author.account.id,
      scheduledAt,
      params,
    );
    const held = await db.holdMedia(tx, row.id, author.account.id, mediaIds);
    if (held !== mediaIds.length) {
      throw invalid("Media could not be attached", "media_ids");
    }
    await deps.jobs.enqueue(
      tx,
      PUBLISH_SCHEDULED_JOB,
      { scheduledStatusId: row.id },
      {
        orderingKey: jobKey(row.id),
        delayMs: scheduledAt.getTime() - Date.now(),
      },
    );
    return row;
  });
}

async function checkLimits(
  tx: Parameters<typeof db.countScheduled>[0],
  accountId: string,
  at: Date,
  ignoring = 0,
): Promise<void> {
  const { total, sameDay } = await db.countScheduled(tx, accountId, at);
  if (total - ignoring >= TOTAL_LIMIT) {
    throw invalid(
      `Validation failed: You have exceeded the limit of ${TOTAL_LIMIT} scheduled posts`,
      "scheduled_at",
    );
  }
  if (sameDay - ignoring >= DAILY_LIMIT) {
    throw invalid(
      `Validation failed: You have exceeded the limit of ${DAILY_LIMIT} scheduled posts for that day`,
      "scheduled_at",
    );
  }
}

export async function getScheduledStatus(
  deps: Deps,
  accountId: string,
  id: string,
): Promise<ScheduledStatusRow> {
  const row = await db.findScheduledStatus(deps.sql, accountId, id);
  if (!row) throw notFound();
  return row;
}

export function listScheduledStatuses(
  deps: Deps,
  accountId: string,
  page: PageQuery,
): Promise<ScheduledStatusRow[]> {
  return db.listScheduledStatuses(deps.sql, accountId, page);
}

/** PUT: a new time (same limits); the job moves with it. */
export async function rescheduleStatus(
  deps: Deps,
  accountId: string,
  id: string,
  scheduledAt: Date,
): Promise<ScheduledStatusRow> {
  checkLeadTime(scheduledAt);
  return await deps.sql.begin(async (tx) => {
    await tx`SELECT 1 FROM accounts WHERE id = ${accountId} FOR UPDATE`;
    const row = await db.findScheduledStatus(tx, accountId, id);
    if (!row) throw notFound();
    const sameDay = row.scheduled_at.toISOString().slice(0, 10) ===
      scheduledAt.toISOString().slice(0, 10);
    await checkLimits(tx, accountId, scheduledAt, sameDay ? 1 : 0);
    const moved = await db.rescheduleStatus(tx, id, scheduledAt);
    await deps.jobs.move(tx, PUBLISH_SCHEDULED_JOB, jobKey(id), scheduledAt);
    return moved;
  });
}

/** DELETE: the row, its job; its uploads are free again. */
export async function cancelScheduledStatus(
  deps: Deps,
  accountId: string,
  id: string,
): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const row = await db.findScheduledStatus(tx, accountId, id);
    if (!row || !(await db.deleteScheduledStatus(tx, id))) throw notFound();
    await deps.jobs.cancel(tx, PUBLISH_SCHEDULED_JOB, jobKey(id));
  });
}

/** The job: posts the scheduled status as its author would have posted it then. */
export async function publishScheduledStatus(
  deps: Deps,
  id: string,
): Promise<void> {
  const row = await db.findScheduledStatus(deps.sql, null, id);
  if (!row) return; // cancelled meanwhile
  const account = await findAccountById(deps.sql, row.account_id);
  const user = account && await findUserByAccountId(deps.sql, account.id);
  if (!account || !user) return;
  const p = row.params;
  try {
    await createStatus(deps, { account, user }, {
      status: p.text,
      spoilerText: p.spoiler_text ?? undefined,
      sensitive: p.sensitive ?? undefined,
      visibility: p.visibility ?? undefined,
      inReplyToId: p.in_reply_to_id ?? undefined,
      language: p.language ?? undefined,
      mediaIds: p.media_ids ?? [],
      poll: p.poll
        ? {
          options: p.poll.options,
          expiresIn: p.poll.expires_in,
          multiple: p.poll.multiple,
          hideTotals: p.poll.hide_totals,
        }
        : null,
      applicationId: p.application_id,
      fromScheduledId: row.id,
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error; // the database: retried
    // The post no longer makes sense (its reply parent was deleted, …): as Mastodon, it is
    // dropped rather than retried forever.
    console.warn(`scheduled status ${id} not published: ${error.message}`);
    await db.deleteScheduledStatus(deps.sql, id);
  }
}

export const publishScheduledJob = defineJob<
  { scheduledStatusId: string },
  Deps
>({
  kind: PUBLISH_SCHEDULED_JOB,
  parse: schema.object({ scheduledStatusId: schema.string }),
  // On time within seconds even if the database was down at that moment: retried every few
  // seconds for a day before it is parked for the operator.
  retry: {
    backoff: exponentialBackoff(500, 4_000),
    maxAttempts: 24 * 900,
  },
  handler: (deps, { scheduledStatusId }) =>
    publishScheduledStatus(deps, scheduledStatusId),
});

/**
 * A web form's `datetime-local` value ("2026-12-08T14:30", no zone) as an instant: the browser's
 * `getTimezoneOffset()` (minutes behind UTC) when it sent one, else the time is read as UTC.
 * Null when the field was left empty.
 */
export function parseLocalScheduledAt(
  value: string,
  offsetMinutes: number,
): Date | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(
    value,
  );
  if (!match || !Number.isFinite(offsetMinutes)) {
    throw invalid("Scheduled at is not a valid date", "scheduled_at");
  }
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(
    Date.UTC(y, mo - 1, d, h, mi, s || 0) + offsetMinutes * 60 * 1000,
  );
}
