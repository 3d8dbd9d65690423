/**
 * Announcements (`manage_announcements`): an admin writes one, publishes it, edits or
 * withdraws it; signed-in users see the published ones, dismiss them and react with emoji.
 * Publishing, editing a published one, withdrawing and reactions are domain events, so the
 * streams of every process hear of them (`announcement`, `announcement.reaction`,
 * `announcement.delete`) once the change is committed. A draft with `scheduled_at` is published
 * then by the `announcements.publish` job, written with it (so it survives restarts); the
 * streams hear of it only then.
 */
import type { Queryable, Sql } from "../db/client.ts";
import type { Deps } from "../deps.ts";
import type { Effects } from "../domain/effects.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";
import { invalid, notFound } from "../domain/errors.ts";
import {
  type Actor,
  recordAction,
  requirePermission,
} from "../moderation/mod.ts";
import * as db from "./announcements-db.ts";
import { localEmojisNamed } from "../emoji/mod.ts";

export type { AnnouncementRow, ReactionCount } from "./announcements-db.ts";

interface WriteDeps {
  sql: Sql;
  effects: Effects;
  jobs: Deps["jobs"];
}

export const PUBLISH_ANNOUNCEMENT_JOB = "announcements.publish";
const jobKey = (id: string) => `announcement:${id}`;

export interface AnnouncementInput {
  text: string;
  /** ISO date-times or dates, or empty. */
  startsAt?: string | null;
  endsAt?: string | null;
  allDay?: boolean;
  /** When to publish a draft (ISO date-time), or empty for by hand. */
  scheduledAt?: string | null;
}

/** Mastodon allows 8 different reactions on one announcement. */
const MAX_REACTION_KINDS = 8;
/**
 * One emoji: a pictograph, a flag or a keycap, with its modifiers and tags, joined by ZWJ to
 * further pictographs; two emoji side by side are not one. Or the shortcode of an enabled local
 * custom emoji (checked against the database).
 */
const UNICODE_EMOJI =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3)[\p{Emoji_Modifier}\uFE0F\u{E0020}-\u{E007F}]*(?:\u200D\p{Extended_Pictographic}[\p{Emoji_Modifier}\uFE0F]*)*$/u;

function parseTime(
  value: string | null | undefined,
  field: string,
): Date | null {
  const text = (value ?? "").trim();
  if (!text) return null;
  const time = new Date(text);
  if (Number.isNaN(time.getTime())) {
    throw invalid(`${field} is not a date`, field);
  }
  return time;
}

function checkFields(input: AnnouncementInput): db.AnnouncementFields {
  const text = input.text.trim();
  if (!text) throw invalid("Text can't be blank", "text");
  const starts_at = parseTime(input.startsAt, "starts_at");
  const ends_at = parseTime(input.endsAt, "ends_at");
  if ((starts_at === null) !== (ends_at === null)) {
    throw invalid(
      "Starts at and ends at go together: give both or neither",
      "ends_at",
    );
  }
  if (starts_at && ends_at && ends_at < starts_at) {
    throw invalid("Ends at must be after starts at", "ends_at");
  }
  // Mastodon: all_day means nothing without times.
  return {
    text,
    starts_at,
    ends_at,
    all_day: !!input.allDay && !!starts_at,
    scheduled_at: parseTime(input.scheduledAt, "scheduled_at"),
  };
}

/**
 * Writes (in `tx`) the job that publishes the draft `row` at its `scheduled_at`, replacing any
 * earlier one; a published row or one without a time has none.
 */
async function schedulePublication(
  deps: WriteDeps,
  tx: Queryable,
  row: db.AnnouncementRow,
): Promise<void> {
  await deps.jobs.cancel(tx, PUBLISH_ANNOUNCEMENT_JOB, jobKey(row.id));
  if (row.published_at || !row.scheduled_at) return;
  await deps.jobs.enqueue(tx, PUBLISH_ANNOUNCEMENT_JOB, {
    announcementId: row.id,
  }, {
    orderingKey: jobKey(row.id),
    delayMs: row.scheduled_at.getTime() - Date.now(),
  });
}

/** A draft's publication time must be ahead (a published one's is history). */
function checkSchedule(fields: db.AnnouncementFields, publishing: boolean) {
  if (!publishing && fields.scheduled_at && fields.scheduled_at <= new Date()) {
    throw invalid("Scheduled at must be in the future", "scheduled_at");
  }
}

export async function listAnnouncements(
  sql: Queryable,
  actor: Actor | null,
): Promise<db.AnnouncementRow[]> {
  requirePermission(actor, "manage_announcements");
  return await db.allAnnouncements(sql);
}

export async function getAnnouncement(
  sql: Queryable,
  actor: Actor | null,
  id: string,
): Promise<db.AnnouncementRow> {
  requirePermission(actor, "manage_announcements");
  return await findOr404(sql, id);
}

async function findOr404(sql: Queryable, id: string) {
  const row = /^\d{1,19}$/.test(id) ? await db.findAnnouncement(sql, id) : null;
  if (!row) throw notFound();
  return row;
}

export async function createAnnouncement(
  deps: WriteDeps,
  actor: Actor | null,
  input: AnnouncementInput & { publish: boolean },
): Promise<db.AnnouncementRow> {
  const mod = requirePermission(actor, "manage_announcements");
  const fields = checkFields(input);
  // A time to publish at means "not now", as Mastodon's form does.
  const publishNow = input.publish && !fields.scheduled_at;
  checkSchedule(fields, publishNow);
  return await deps.sql.begin(async (tx) => {
    const row = await db.insertAnnouncement(tx, fields, publishNow);
    await log(tx, mod, "create", row);
    await schedulePublication(deps, tx, row);
    if (row.published_at) {
      await deps.effects.record(tx, {
        type: "announcement.published",
        announcementId: row.id,
      });
    }
    return row;
  });
}

export async function updateAnnouncement(
  deps: WriteDeps,
  actor: Actor | null,
  id: string,
  input: AnnouncementInput,
): Promise<db.AnnouncementRow> {
  const mod = requirePermission(actor, "manage_announcements");
  const previous = await findOr404(deps.sql, id);
  const fields = checkFields(input);
  checkSchedule(fields, !!previous.published_at);
  return await deps.sql.begin(async (tx) => {
    const row = await db.updateAnnouncementRow(tx, previous.id, fields);
    await log(tx, mod, "update", row);
    await schedulePublication(deps, tx, row);
    if (row.published_at) {
      await deps.effects.record(tx, {
        type: "announcement.published",
        announcementId: row.id,
      });
    }
    return row;
  });
}

/** Publishes (`true`) or withdraws (`false`) an announcement; no change, no event. */
export async function setAnnouncementPublished(
  deps: WriteDeps,
  actor: Actor | null,
  id: string,
  published: boolean,
): Promise<db.AnnouncementRow> {
  const mod = requirePermission(actor, "manage_announcements");
  const previous = await findOr404(deps.sql, id);
  if (!!previous.published_at === published) return previous;
  return await deps.sql.begin(async (tx) => {
    const row = await db.setPublished(tx, previous.id, published);
    await log(tx, mod, published ? "publish" : "unpublish", row);
    // By hand wins over the schedule: withdrawn stays withdrawn.
    await deps.jobs.cancel(tx, PUBLISH_ANNOUNCEMENT_JOB, jobKey(row.id));
    await deps.effects.record(tx, {
      type: published ? "announcement.published" : "announcement.deleted",
      announcementId: row.id,
    });
    return row;
  });
}

export async function deleteAnnouncement(
  deps: WriteDeps,
  actor: Actor | null,
  id: string,
): Promise<void> {
  const mod = requirePermission(actor, "manage_announcements");
  const row = await findOr404(deps.sql, id);
  await deps.sql.begin(async (tx) => {
    await db.deleteAnnouncementRow(tx, row.id);
    await log(tx, mod, "destroy", row);
    await deps.jobs.cancel(tx, PUBLISH_ANNOUNCEMENT_JOB, jobKey(row.id));
    if (row.published_at) {
      await deps.effects.record(tx, {
        type: "announcement.deleted",
        announcementId: row.id,
      });
    }
  });
}

/** What a signed-in user sees (`GET /api/v1/announcements`, the home banner). */
export function announcementsFor(
  sql: Queryable,
  accountId: string,
  options: { withDismissed?: boolean } = {},
) {
  return db.publishedAnnouncements(sql, accountId, !!options.withDismissed);
}

export function reactionsOf(
  sql: Queryable,
  ids: string[],
  viewerId: string | null,
) {
  return db.reactionCounts(sql, ids, viewerId);
}

/** A published announcement, or null (what the streams render). */
export async function findPublishedAnnouncement(
  sql: Queryable,
  id: string,
): Promise<db.AnnouncementRow | null> {
  const row = await db.findAnnouncement(sql, id);
  return row?.published_at ? row : null;
}

/** A published announcement, or 404 (unpublished ones don't exist for users). */
async function published(sql: Queryable, id: string) {
  const row = await findOr404(sql, id);
  if (!row.published_at) throw notFound();
  return row;
}

export async function dismissAnnouncement(
  sql: Sql,
  accountId: string,
  id: string,
): Promise<void> {
  const row = await published(sql, id);
  await db.insertDismissal(sql, row.id, accountId);
}

/** Adds (`add`) or removes a reaction; the streams hear the new count. */
export async function reactToAnnouncement(
  deps: WriteDeps,
  accountId: string,
  id: string,
  name: string,
  add: boolean,
): Promise<void> {
  const row = await published(deps.sql, id);
  if (add && !(await isReactionEmoji(deps.sql, name))) {
    throw invalid("Name is not a recognized emoji", "name");
  }
  await deps.sql.begin(async (tx) => {
    // One reaction at a time per announcement: the limit check and the insert can't race.
    await tx`SELECT id FROM announcements WHERE id = ${row.id} FOR UPDATE`;
    if (add) {
      const fresh = await db.insertReaction(tx, row.id, accountId, name);
      if (!fresh) return;
      if (await db.distinctReactionNames(tx, row.id) > MAX_REACTION_KINDS) {
        throw invalid("Reactions are limited to 8 different emoji", "name");
      }
    } else if (!await db.deleteReaction(tx, row.id, accountId, name)) {
      return;
    }
    await deps.effects.record(tx, {
      type: "announcement.reaction",
      announcementId: row.id,
      name,
    });
  });
}

/** A unicode emoji, or the shortcode of an enabled local custom emoji (as Mastodon allows). */
async function isReactionEmoji(sql: Queryable, name: string) {
  if (name.length > 128) return false;
  if (UNICODE_EMOJI.test(name)) return true;
  if (!/^[a-zA-Z0-9_]{2,}$/.test(name)) return false;
  return (await localEmojisNamed(sql, (key) => key, [name])).has(name);
}

async function log(
  tx: Queryable,
  mod: Actor,
  action: "create" | "update" | "destroy" | "publish" | "unpublish",
  row: db.AnnouncementRow,
) {
  await recordAction(tx, {
    accountId: mod.accountId,
    action,
    targetType: "Announcement",
    targetId: String(row.id),
    humanIdentifier: row.text.slice(0, 80),
  });
}

/**
 * Publishes a scheduled draft when its time has come: the streams hear `announcement` once
 * it is committed. A repeat, or a draft published, withdrawn, moved or deleted meanwhile,
 * publishes nothing.
 */
export async function publishScheduledAnnouncement(
  deps: Pick<WriteDeps, "sql" | "effects">,
  id: string,
): Promise<void> {
  await deps.sql.begin(async (tx) => {
    const row = await db.publishIfDue(tx, id);
    if (!row) return;
    await deps.effects.record(tx, {
      type: "announcement.published",
      announcementId: row.id,
    });
  });
}

export const publishAnnouncementJob = defineJob<
  { announcementId: string },
  Deps
>({
  kind: PUBLISH_ANNOUNCEMENT_JOB,
  parse: schema.object({ announcementId: schema.string }),
  // On time within seconds even if the database was down then (as scheduled posts).
  retry: { backoff: exponentialBackoff(500, 4_000), maxAttempts: 24 * 900 },
  handler: (deps, { announcementId }) =>
    publishScheduledAnnouncement(deps, announcementId),
});
