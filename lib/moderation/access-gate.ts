/**
 * The `no_access` IP block check every request passes (lib/web/app.ts), without a statement per
 * request while no such block is in force — almost always. Each process remembers whether one
 * is, and asks again when the database announces a change to `ip_blocks` (migration 0026), when
 * the next such block expires, and at least every five minutes. While a block is in force, each
 * request asks the database whether its address is held (an indexed containment query). It only
 * remembers while listening: a process that can't hear changes asks every time.
 */
import type { Sql } from "../db/client.ts";
import { isAddress } from "./sign-up-gate.ts";
import * as db from "./sign-up-blocks-db.ts";

export const IP_BLOCKS_CHANNEL = "starling_ip_blocks";
const RECHECK_MS = 5 * 60 * 1000;

export class AccessGate {
  #listening = false;
  #known: { any: boolean; until: number } | null = null;

  /** Every address is denied by nothing until asked again: a change was announced. */
  changed(): void {
    this.#known = null;
  }

  listening(): void {
    this.#known = null;
    this.#listening = true;
  }

  stop(): void {
    this.#listening = false;
    this.#known = null;
  }

  /** Whether a `no_access` block in force holds `ip`. */
  async denies(sql: Sql, ip: string | null): Promise<boolean> {
    if (!ip || !isAddress(ip)) return false;
    const now = Date.now();
    if (!this.#known || now >= this.#known.until) {
      const state = await db.noAccessState(sql);
      const until = Math.min(
        now + RECHECK_MS,
        state.nextExpiry?.getTime() ?? Infinity,
      );
      if (this.#listening) this.#known = { any: state.any, until };
      if (!state.any) return false;
    } else if (!this.#known.any) return false;
    return await db.isAddressDenied(sql, ip);
  }
}
