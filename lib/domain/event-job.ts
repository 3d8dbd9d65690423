/**
 * The job that carries a recorded domain event (`effects.ts`) to its listeners once the write
 * committed. Its payload is the event itself (ids and small facts), checked when read back.
 */
import type { Deps } from "../deps.ts";
import { DOMAIN_EVENT_JOB, type DomainEvent } from "./effects.ts";
import { defineJob, exponentialBackoff, schema } from "../jobs/mod.ts";

const EVENT_TYPES = [
  "account.created",
  "account.deleted",
  "account.deleting",
  "account.updated",
  "account.moved",
  "follow.requested",
  "follow.accepted",
  "follow.rejected",
  "follow.undone",
  "block.created",
  "block.undone",
  "status.created",
  "status.updated",
  "status.card_attached",
  "status.deleted",
  "status.pinned",
  "status.unpinned",
  "favourite.created",
  "favourite.undone",
  "reblog.created",
  "reblog.undone",
  "notification.created",
  "conversation.updated",
  "report.created",
  "token.revoked",
  "poll.voted",
  "announcement.published",
  "announcement.deleted",
  "announcement.reaction",
] as const satisfies readonly DomainEvent["type"][];

// Every event type is listed: a new one that isn't fails type checking here.
const everyType: Exclude<DomainEvent["type"], typeof EVENT_TYPES[number]>[] =
  [];
void everyType;

const parseEvent = schema.object({ type: schema.literal(...EVENT_TYPES) });

export const domainEventJob = defineJob<DomainEvent, Deps>({
  kind: DOMAIN_EVENT_JOB,
  parse: (value) => {
    const event = parseEvent(value) as unknown as DomainEvent;
    // The one date in an event, as JSON gives it back.
    if (event.type === "status.deleted") {
      return { ...event, createdAt: new Date(event.createdAt) };
    }
    return event;
  },
  retry: {
    // Listeners mostly hand work to Fedify's queue (which retries deliveries for days), so a
    // failure here is our database or a bug: retry for about half an hour, then park.
    backoff: exponentialBackoff(1_000, 5 * 60_000),
    maxAttempts: 12,
  },
  handler: (deps, event) => deps.effects.dispatch(event),
});
