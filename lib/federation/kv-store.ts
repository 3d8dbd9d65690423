/**
 * Fedify's `KvStore` over Deno KV.
 *
 * Fedify's own Deno KV adapter (`@fedify/denokv`) is published on JSR only,
 * which we cannot reach, so this is our own. Fedify keeps caches (remote
 * documents, public keys), inbox idempotence records and circuit-breaker state
 * here; every key is stored under a prefix (`["fedify"]` by default) so Fedify
 * can share a `Deno.Kv` with the rest of Starling.
 */
import type {
  KvKey,
  KvStore,
  KvStoreListEntry,
  KvStoreSetOptions,
} from "@fedify/fedify";

/** Options for {@link DenoKvStore}. */
export interface DenoKvStoreOptions {
  /** Prefix put in front of every key Fedify uses. Default `["fedify"]`. */
  readonly prefix?: Deno.KvKey;
}

/**
 * Converts a Temporal duration to milliseconds. Fedify passes durations from
 * its own `@js-temporal/polyfill`, not the native `Temporal`, so only the
 * `total()` method is relied on. Calendar units (months, years) need a
 * starting point; "from now" is the only sensible one for a TTL or a delay.
 */
export function durationToMilliseconds(duration: Temporal.Duration): number {
  try {
    return duration.total("millisecond");
  } catch {
    return duration.total({
      unit: "millisecond",
      relativeTo: Temporal.Now.zonedDateTimeISO("UTC"),
    });
  }
}

/** `expireIn` options for a Fedify TTL (none when absent). */
function expireOptions(
  options?: KvStoreSetOptions,
): { expireIn: number } | undefined {
  if (options?.ttl == null) return undefined;
  // Deno KV rejects a zero/negative expireIn; the shortest TTL is 1 ms.
  return { expireIn: Math.max(1, durationToMilliseconds(options.ttl)) };
}

/** Structural equality for the JSON-like values Fedify stores (for `cas`). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (
    typeof a !== "object" || typeof b !== "object" || a == null || b == null
  ) {
    return false;
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date &&
      a.getTime() === b.getTime();
  }
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b)) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    Object.hasOwn(b as object, k) &&
    valuesEqual(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
    )
  );
}

/** Fedify's `KvStore` backed by a `Deno.Kv` that the caller owns and closes. */
export class DenoKvStore implements KvStore {
  readonly #kv: Deno.Kv;
  readonly #prefix: Deno.KvKey;

  constructor(kv: Deno.Kv, options: DenoKvStoreOptions = {}) {
    this.#kv = kv;
    this.#prefix = options.prefix ?? ["fedify"];
  }

  #key(key: KvKey): Deno.KvKey {
    return [...this.#prefix, ...key];
  }

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const entry = await this.#kv.get<T>(this.#key(key));
    // Fedify's contract is `undefined` for a missing key; Deno KV says null.
    return entry.value ?? undefined;
  }

  async set(
    key: KvKey,
    value: unknown,
    options?: KvStoreSetOptions,
  ): Promise<void> {
    await this.#kv.set(this.#key(key), value, expireOptions(options));
  }

  async delete(key: KvKey): Promise<void> {
    await this.#kv.delete(this.#key(key));
  }

  /**
   * Compare-and-swap: sets `newValue` only if the current value equals
   * `expectedValue` (structurally; `undefined` means "absent"). The
   * read-then-commit is guarded by the entry's versionstamp, so a concurrent
   * writer makes the commit fail and we re-read and compare again.
   */
  async cas(
    key: KvKey,
    expectedValue: unknown,
    newValue: unknown,
    options?: KvStoreSetOptions,
  ): Promise<boolean> {
    const fullKey = this.#key(key);
    while (true) {
      const entry = await this.#kv.get(fullKey);
      if (!valuesEqual(entry.value ?? undefined, expectedValue)) return false;
      const result = await this.#kv.atomic()
        .check(entry)
        .set(fullKey, newValue, expireOptions(options))
        .commit();
      if (result.ok) return true;
    }
  }

  /**
   * Entries whose key starts with `prefix` (all of ours when omitted), keys
   * returned without our store prefix. Deno KV's prefix listing leaves out the
   * key equal to the prefix itself, while Fedify's contract includes it.
   */
  async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
    if (prefix != null) {
      const exact = await this.#kv.get(this.#key(prefix));
      if (exact.value != null) yield { key: prefix, value: exact.value };
    }
    const full = prefix == null ? this.#prefix : this.#key(prefix);
    for await (const entry of this.#kv.list({ prefix: full })) {
      yield {
        key: entry.key.slice(this.#prefix.length).map(
          String,
        ) as unknown as KvKey,
        value: entry.value,
      };
    }
  }
}
