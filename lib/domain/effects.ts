/**
 * What the rules tell the outside world. Domain functions record what happened in the
 * transaction that made it happen; `lib/server.ts` wires listeners that federate, stream and
 * notify, run by a job once committed — as GoToSocial's processors hand messages to its
 * workers. The domain never imports Fedify, streaming or HTTP code.
 */
import type { Queryable } from "../db/client.ts";

export type DomainEvent =
  | { type: "account.created"; accountId: string }
  | { type: "account.deleted"; accountId: string }
  /**
   * A local account is about to be deleted (emitted with `emitAndWait`, before the rows go):
   * federation sends Delete(Person) to its followers while the keys and follows still exist.
   */
  | { type: "account.deleting"; accountId: string }
  /** A local account moved to another (federation sends Move, then an Update of the actor). */
  | { type: "account.moved"; accountId: string; targetAccountId: string }
  /** A local profile changed (federation sends an Update of the actor). */
  | { type: "account.updated"; accountId: string }
  // Relationships (lib/domain/relationships.ts). `accountId` is the follower or blocker,
  // `targetAccountId` the followed or blocked; either may be remote: listeners check which is ours.
  /** A request was created: to a remote account (send Follow) or to a locked local one. */
  | {
    type: "follow.requested";
    followRequestId: string;
    accountId: string;
    targetAccountId: string;
  }
  /** A follow now exists, at once or by authorization (remote follower: send Accept). */
  | {
    type: "follow.accepted";
    followId: string;
    accountId: string;
    targetAccountId: string;
    uri: string | null;
  }
  /** A request was refused or a follower removed (remote follower: send Reject). */
  | {
    type: "follow.rejected";
    accountId: string;
    targetAccountId: string;
    uri: string | null;
  }
  /** The follower withdrew a follow or a pending request (remote target: send Undo Follow). */
  | {
    type: "follow.undone";
    accountId: string;
    targetAccountId: string;
    uri: string | null;
  }
  | {
    type: "block.created";
    blockId: string;
    accountId: string;
    targetAccountId: string;
    uri: string | null;
  }
  | {
    type: "block.undone";
    accountId: string;
    targetAccountId: string;
    uri: string | null;
  }
  // Statuses (local and remote alike; `local` says whether federation should deliver it).
  | StatusEvent
  | {
    type: "status.updated";
    statusId: string;
    accountId: string;
    local: boolean;
  }
  // A local status got its link preview (lib/cards): streams show it again; nothing federates.
  | { type: "status.card_attached"; statusId: string }
  | {
    type: "status.deleted";
    statusId: string;
    uri: string;
    accountId: string;
    local: boolean;
    visibility: string;
    /** Accounts mentioned in it: with followers, the audience a Delete must reach. */
    mentionedAccountIds: string[];
    /** Set when the deleted row was a reblog (deleting it is an Undo Announce). */
    reblogOfId: string | null;
    /** When the row was made: the Undo of a boost embeds the Announce with its date. */
    createdAt: Date;
  }
  /** A status was pinned to (or unpinned from) its author's profile (local: send Add/Remove). */
  | {
    type: "status.pinned" | "status.unpinned";
    statusId: string;
    accountId: string;
  }
  | {
    type: "favourite.created";
    favouriteId: string;
    statusId: string;
    accountId: string;
  }
  | {
    type: "favourite.undone";
    favouriteId: string;
    uri: string | null;
    statusId: string;
    accountId: string;
  }
  | {
    type: "reblog.created";
    statusId: string;
    reblogOfId: string;
    accountId: string;
  }
  | {
    type: "reblog.undone";
    statusId: string;
    uri: string;
    reblogOfId: string;
    accountId: string;
  }
  | {
    type: "notification.created";
    notificationId: string;
    recipientId: string;
    notificationType: string;
  }
  /** A local account's direct-message conversation got a new status (the `direct` stream). */
  | {
    type: "conversation.updated";
    conversationId: string;
    accountId: string;
  }
  /** A local account filed a report; `forward`: send a Flag to the target's server. */
  | { type: "report.created"; reportId: string; forward: boolean }
  /** Tokens stopped working (revoked, signed out, password changed): end their streams. */
  | { type: "token.revoked"; tokenIds: string[] }
  /**
   * Announcements (lib/instance): published or edited while published, withdrawn or deleted,
   * a reaction added or removed. Every signed-in user's stream hears of them.
   */
  | {
    type:
      | "announcement.published"
      | "announcement.deleted";
    announcementId: string;
  }
  | { type: "announcement.reaction"; announcementId: string; name: string }
  | {
    type: "poll.voted";
    pollId: string;
    statusId: string;
    accountId: string;
    choices: number[];
  };

/** A new status (or reblog) row was committed. */
export interface StatusEvent {
  type: "status.created";
  statusId: string;
  accountId: string;
  local: boolean;
  visibility: string;
  reblogOfId: string | null;
}

/** What writes events into a transaction: `lib/jobs`' queue (an interface, to keep this plain). */
export interface EventJobWriter {
  enqueueMany(
    tx: Queryable,
    jobs: { kind: string; payload: unknown; orderingKey?: string }[],
  ): Promise<void>;
}

export interface Effects {
  /**
   * Records events in the writer's transaction `tx`: their side effects (federation, streams)
   * run as jobs once it commits, surviving a crash, and never if it rolls back.
   */
  record(tx: Queryable, ...events: DomainEvent[]): Promise<void>;
}

/** The job kind that carries a domain event to the listeners (`event-job.ts`). */
export const DOMAIN_EVENT_JOB = "domain.event";

type Listener = (event: DomainEvent) => void | Promise<void>;
type Recorder = (tx: Queryable, events: DomainEvent[]) => Promise<void>;

/**
 * Domain events, durably: `record` writes each event as a job in the writer's transaction
 * (`lib/jobs`), and the job's handler (`event-job.ts`) runs the listeners — federation, and
 * streaming on the embedded database — once committed. A listener that fails fails the job,
 * which is retried: listeners must tolerate a repeat. Recorders run inside the transaction for
 * what must be part of it (the streaming NOTIFY on a Postgres server: sent at commit, by the
 * server, whatever happens to this process after).
 */
export class EffectBus implements Effects {
  readonly #jobs: EventJobWriter;
  #listeners: Listener[] = [];
  #recorders: Recorder[] = [];
  /** Set by `close()`: `emitAndWait` no longer dispatches. */
  #closing = false;

  constructor(jobs: EventJobWriter) {
    this.#jobs = jobs;
  }

  async record(tx: Queryable, ...events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.#jobs.enqueueMany(
      tx,
      events.map((event) => ({
        kind: DOMAIN_EVENT_JOB,
        payload: event,
        orderingKey: orderingKeyOf(event),
      })),
    );
    for (const recorder of this.#recorders) await recorder(tx, events);
  }

  /** Runs `recorder` inside every recording transaction. */
  inTransaction(recorder: Recorder): () => void {
    this.#recorders.push(recorder);
    return () => {
      this.#recorders = this.#recorders.filter((r) => r !== recorder);
    };
  }

  on(listener: Listener): () => void {
    this.#listeners.push(listener);
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  /** The event job's handler: runs every listener; throws if any failed (the job retries). */
  async dispatch(event: DomainEvent): Promise<void> {
    const results = await Promise.allSettled(
      this.#listeners.map(async (listener) => await listener(event)),
    );
    const errors = results.flatMap((r) =>
      r.status === "rejected" ? [r.reason] : []
    );
    if (errors.length === 1) throw errors[0];
    if (errors.length) throw new AggregateError(errors, `${event.type} failed`);
  }

  /**
   * Runs every listener now and waits for them, before the change: only for
   * `account.deleting`, whose listener (federation) signs the Delete with the keys and sends it
   * to the followers that the deletion removes. Not a job, because a job would run after the
   * rows are gone; it is still durable, because Fedify's queue holds the Delete before the
   * account is deleted. Failures are logged, not thrown: the deletion goes ahead.
   */
  async emitAndWait(event: DomainEvent): Promise<void> {
    if (this.#closing) return;
    await this.dispatch(event).catch((error) =>
      console.error(`effect listener failed for ${event.type}:`, error)
    );
  }

  /** Shutdown: no more synchronous dispatch (jobs stop with their runner). */
  close(): void {
    this.#closing = true;
  }
}

/**
 * Events of one account run in the order they were written (a Follow before its Undo, a
 * Create before its Delete); those of different accounts in parallel.
 */
function orderingKeyOf(event: DomainEvent): string | undefined {
  return "accountId" in event ? `account:${event.accountId}` : undefined;
}
