/**
 * What the rules tell the outside world. Domain functions describe what happened; `main.ts`
 * wires listeners that federate, stream and notify — as GoToSocial's processors hand messages to
 * its workers. The domain never imports Fedify, streaming or HTTP code.
 */
export type DomainEvent =
  | { type: "account.created"; accountId: string }
  | { type: "account.deleted"; accountId: string }
  /**
   * A local account is about to be deleted (emitted with `emitAndWait`, before the rows go):
   * federation sends Delete(Person) to its followers while the keys and follows still exist.
   */
  | { type: "account.deleting"; accountId: string }
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

export interface Effects {
  /** Called after the change is committed. Listeners must not throw into the caller. */
  emit(event: DomainEvent): void;
}

type Listener = (event: DomainEvent) => void | Promise<void>;

/** How long `close()` lets running listeners finish before it stops waiting for them. */
const CLOSE_GRACE_MS = 10_000;

/**
 * An in-process dispatcher: each listener runs detached, and its failure is logged, not thrown.
 * It keeps track of the listeners still running so that shutdown can let them finish before the
 * database they use is closed.
 */
export class EffectBus implements Effects {
  #listeners: Listener[] = [];
  #running = new Set<Promise<void>>();
  /** Set by `close()`: events are no longer dispatched. */
  #closing = false;
  /** Set once `close()` stopped waiting: a failure after that is shutdown, not a fault. */
  #abandoned = false;

  on(listener: Listener): () => void {
    this.#listeners.push(listener);
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  /**
   * Runs every listener and waits for all of them: for events that announce a change before it
   * happens (`account.deleting`), whose listeners need rows the change removes. Failures are
   * logged, not thrown, as with `emit`.
   */
  async emitAndWait(event: DomainEvent): Promise<void> {
    if (this.#closing) return;
    await Promise.all(this.#listeners.map((l) => this.#run(l, event)));
  }

  emit(event: DomainEvent): void {
    if (this.#closing) return;
    for (const listener of this.#listeners) this.#run(listener, event);
  }

  /**
   * Shutdown, before the database and KV close: dispatches nothing more and waits (at most
   * `graceMs`) for the listeners still running, so their work lands instead of failing on a
   * closed connection. Whatever is still running after that is dropped without a log line.
   */
  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    this.#closing = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    try {
      await Promise.race([
        Promise.allSettled([...this.#running]),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
      this.#abandoned = true;
    }
  }

  #run(listener: Listener, event: DomainEvent): Promise<void> {
    const running = Promise.resolve()
      .then(() => listener(event))
      .catch((error) => {
        if (this.#abandoned) return;
        console.error(`effect listener failed for ${event.type}:`, error);
      })
      .finally(() => this.#running.delete(running));
    this.#running.add(running);
    return running;
  }
}
