/**
 * What the rules tell the outside world. Domain functions describe what happened; `main.ts`
 * wires listeners that federate, stream and notify — as GoToSocial's processors hand messages to
 * its workers. The domain never imports Fedify, streaming or HTTP code.
 */
export type DomainEvent =
  | { type: "account.created"; accountId: string }
  | { type: "account.deleted"; accountId: string };

export interface Effects {
  /** Called after the change is committed. Listeners must not throw into the caller. */
  emit(event: DomainEvent): void;
}

type Listener = (event: DomainEvent) => void | Promise<void>;

/** An in-process dispatcher: each listener runs detached, and its failure is logged, not thrown. */
export class EffectBus implements Effects {
  #listeners: Listener[] = [];

  on(listener: Listener): () => void {
    this.#listeners.push(listener);
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  emit(event: DomainEvent): void {
    for (const listener of this.#listeners) {
      Promise.resolve()
        .then(() => listener(event))
        .catch((error) =>
          console.error(`effect listener failed for ${event.type}:`, error)
        );
    }
  }
}
