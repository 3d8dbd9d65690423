/**
 * Each access token's owner (token, user, account), held in memory per process, so that an API
 * request costs no statement to authenticate. Invalidated by the database itself: triggers
 * announce every change to a token, a user or a local account (`TOKEN_OWNER_CHANNEL`), whoever
 * made it, and every process listening drops what it holds. On PGlite that happens before the
 * changing statement returns. On a server the announcement reaches the listening connection
 * just after the commit, so this process also forgets everything once one of its own requests
 * that may write has finished (`afterWrite`): its own changes (a revoked token, a suspended
 * account) apply to the very next request; other processes' within a notification's delay.
 */
import type { TokenOwner } from "../db/api-auth.ts";

/** Held at most this long, in case a notification is lost in a way the listener can't see. */
const TTL_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  owner: TokenOwner;
  expires: number;
}

export class TokenOwnerCache {
  #byHash = new Map<string, Entry>();
  /** Only a process that listens for changes may serve from memory. */
  #listening = false;
  /**
   * Counts invalidations: an owner read from the database is kept only if none happened while
   * it was being read (else a change committed meanwhile could be dropped, then put back stale).
   */
  #generation = 0;

  /** Call before reading an owner from the database; pass the result to `set`. */
  generation(): number {
    return this.#generation;
  }

  /** The owner of the token with this hash, if held and fresh. */
  get(tokenHash: string): TokenOwner | undefined {
    if (!this.#listening) return undefined;
    const entry = this.#byHash.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.#byHash.delete(tokenHash);
      return undefined;
    }
    return entry.owner;
  }

  set(tokenHash: string, owner: TokenOwner, generation: number): void {
    if (!this.#listening || generation !== this.#generation) return;
    if (this.#byHash.size >= MAX_ENTRIES) {
      // The oldest entry goes (a Map iterates in insertion order).
      this.#byHash.delete(this.#byHash.keys().next().value!);
    }
    this.#byHash.set(tokenHash, { owner, expires: Date.now() + TTL_MS });
  }

  /** A change announced by the database: `token:ID`, `user:ID` or `account:ID`. */
  changed(payload: string): void {
    this.#generation++;
    const [kind, id] = payload.split(":");
    for (const [hash, { owner }] of this.#byHash) {
      if (concerns(owner, kind, id)) this.#byHash.delete(hash);
    }
  }

  /** (Re)listening: whatever was announced while not listening is unknown, so all goes. */
  listening(): void {
    this.#generation++;
    this.#byHash.clear();
    this.#listening = true;
  }

  /** A request of this process that may have written has finished (see the module's comment). */
  afterWrite(): void {
    this.#generation++;
    this.#byHash.clear();
  }

  stop(): void {
    this.#generation++;
    this.#listening = false;
    this.#byHash.clear();
  }

  get size(): number {
    return this.#byHash.size;
  }
}

/** Whether a change to the `kind` row `id` concerns `owner` (an unknown kind concerns all). */
function concerns(owner: TokenOwner, kind: string, id: string): boolean {
  switch (kind) {
    case "token":
      return owner.token.id === id;
    case "user":
      return owner.user?.id === id;
    case "account":
      return owner.account?.id === id;
    default:
      return true;
  }
}
