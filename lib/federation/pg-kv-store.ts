/**
 * Fedify's `KvStore` on the Postgres table `federation_kv` (migration 0006), used when Starling
 * runs on a Postgres server: each operation is one query on the pool we already have, where the
 * local Deno KV file serialised every operation behind its own queue (see `kv-store.ts`, still
 * used with the embedded PGlite).
 *
 * A key is stored as the JSON text of Fedify's key array (`["fedify","idempotence","…"]`), in
 * the "C" collation so that a prefix is a range of the primary key. Values are `jsonb`: Fedify
 * stores JSON (documents, keys, flags, circuit-breaker states), and `jsonb` equality is the
 * structural comparison `cas` needs, in one statement. Rows past `expires_at` read as absent and
 * are deleted in batches now and then.
 *
 * Fedify's types only: this module is loaded without Fedify (see `lazy.ts`).
 */
import type {
  KvKey,
  KvStore,
  KvStoreListEntry,
  KvStoreSetOptions,
} from "@fedify/fedify";
import type { Sql } from "../db/client.ts";
import { durationToMilliseconds } from "./kv-store.ts";

/** Expired rows are swept at most this often per store. */
const SWEEP_EVERY_MS = 60_000;
/** Rows deleted per sweep statement (a sweep repeats until fewer are left). */
const SWEEP_BATCH = 5_000;

export class PostgresKvStore implements KvStore {
  readonly #sql: Sql;
  #sweptAt = Date.now();
  #sweeping: Promise<void> | null = null;

  constructor(sql: Sql) {
    this.#sql = sql;
  }

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const [row] = await this.#sql<{ value: string }[]>`
      SELECT value::text AS value FROM federation_kv
      WHERE key = ${
      encodeKey(key)
    } AND (expires_at IS NULL OR expires_at > now())`;
    return row == null ? undefined : JSON.parse(row.value) as T;
  }

  async set(
    key: KvKey,
    value: unknown,
    options?: KvStoreSetOptions,
  ): Promise<void> {
    if (value === undefined) return await this.delete(key);
    await this.#sql`
      INSERT INTO federation_kv (key, value, expires_at)
      VALUES (${encodeKey(key)}, ${encodeValue(value)}::text::jsonb, ${
      expiry(this.#sql, ttlOf(options))
    })
      ON CONFLICT (key) DO UPDATE
        SET value = excluded.value, expires_at = excluded.expires_at`;
    this.#sweepNowAndThen();
  }

  async delete(key: KvKey): Promise<void> {
    await this.#sql`DELETE FROM federation_kv WHERE key = ${encodeKey(key)}`;
  }

  /**
   * Sets `newValue` (deletes the key when it is `undefined`) only if the live value equals
   * `expectedValue` (`undefined`: absent or expired). One statement each way, so concurrent
   * callers (other requests, other processes) see exactly one winner.
   */
  async cas(
    key: KvKey,
    expectedValue: unknown,
    newValue: unknown,
    options?: KvStoreSetOptions,
  ): Promise<boolean> {
    const k = encodeKey(key);
    const ttl = ttlOf(options);
    if (expectedValue === undefined) {
      if (newValue === undefined) {
        const [live] = await this.#sql`
          SELECT 1 FROM federation_kv
          WHERE key = ${k} AND (expires_at IS NULL OR expires_at > now())`;
        return live == null;
      }
      // Inserts, or takes over an expired row; a live row stays as it is.
      const won = await this.#sql`
        INSERT INTO federation_kv (key, value, expires_at)
        VALUES (${k}, ${encodeValue(newValue)}::text::jsonb, ${
        expiry(this.#sql, ttl)
      })
        ON CONFLICT (key) DO UPDATE
          SET value = excluded.value, expires_at = excluded.expires_at
          WHERE federation_kv.expires_at <= now()
        RETURNING 1`;
      return won.length === 1;
    }
    const expected = encodeValue(expectedValue);
    const won = newValue === undefined
      ? await this.#sql`
          DELETE FROM federation_kv
          WHERE key = ${k} AND value = ${expected}::text::jsonb
            AND (expires_at IS NULL OR expires_at > now())
          RETURNING 1`
      : await this.#sql`
          UPDATE federation_kv
          SET value = ${encodeValue(newValue)}::text::jsonb, expires_at = ${
        expiry(this.#sql, ttl)
      }
          WHERE key = ${k} AND value = ${expected}::text::jsonb
            AND (expires_at IS NULL OR expires_at > now())
          RETURNING 1`;
    return won.length === 1;
  }

  /** Live entries whose key starts with `prefix` (the key equal to it included), all if none. */
  async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
    const rows = prefix == null
      ? await this.#sql<{ key: string; value: string }[]>`
          SELECT key, value::text AS value FROM federation_kv
          WHERE expires_at IS NULL OR expires_at > now() ORDER BY key`
      : await this.#sql<{ key: string; value: string }[]>`
          SELECT key, value::text AS value FROM federation_kv
          WHERE (key = ${encodeKey(prefix)} OR (key >= ${childrenFrom(prefix)}
            AND key < ${childrenUntil(prefix)}))
            AND (expires_at IS NULL OR expires_at > now())
          ORDER BY key`;
    for (const row of rows) {
      yield { key: JSON.parse(row.key) as KvKey, value: JSON.parse(row.value) };
    }
  }

  /** Deletes expired rows, at most once a minute, without holding up the caller. */
  #sweepNowAndThen(): void {
    if (this.#sweeping || Date.now() - this.#sweptAt < SWEEP_EVERY_MS) return;
    this.#sweptAt = Date.now();
    this.#sweeping = sweepExpired(this.#sql)
      .catch((error) => console.warn("federation_kv: sweep failed:", error))
      .finally(() => this.#sweeping = null);
  }
}

/** Deletes expired `federation_kv` rows in batches; returns when none are left. */
export async function sweepExpired(sql: Sql): Promise<void> {
  while (true) {
    const deleted = await sql`
      DELETE FROM federation_kv WHERE key IN (
        SELECT key FROM federation_kv WHERE expires_at <= now() LIMIT ${SWEEP_BATCH})`;
    if (deleted.count < SWEEP_BATCH) return;
  }
}

/** A key's stable text: the JSON of its parts (all strings). */
export function encodeKey(key: KvKey): string {
  return JSON.stringify(key.map(String));
}

/** Keys of the prefix's children start with its JSON minus `]`, then `,` (byte order, "C"). */
function childrenFrom(prefix: KvKey): string {
  return `${encodeKey(prefix).slice(0, -1)},`;
}
/** … and sort before the same text ending in `-`, the character after `,`. */
function childrenUntil(prefix: KvKey): string {
  return `${encodeKey(prefix).slice(0, -1)}-`;
}

/**
 * JSON text for a `jsonb` value. `jsonb` refuses two things JSON allows, both only in text that
 * came from other servers (a cached error body, say): U+0000 and unpaired surrogates. Those
 * become U+FFFD rather than failing the write.
 */
export function encodeValue(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v) =>
      typeof v === "string" ? v.toWellFormed().replaceAll("\0", "\uFFFD") : v,
  );
}

function ttlOf(options?: KvStoreSetOptions): number | null {
  if (options?.ttl == null) return null;
  return Math.max(1, Math.round(durationToMilliseconds(options.ttl)));
}

/** `expires_at` for a TTL in ms: on the server's clock, like every comparison with `now()`. */
function expiry(sql: Sql, ttl: number | null) {
  return ttl == null
    ? sql`NULL::timestamptz`
    : sql`now() + ${ttl}::bigint * interval '1 millisecond'`;
}
