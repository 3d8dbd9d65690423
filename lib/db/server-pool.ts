/**
 * The connection pool to a Postgres server, kept usable across a server restart.
 *
 * postgres.js 3.4.9 has a bug (porsager/postgres#1066, #1154, #1208, open): when the server drops
 * a connection while a write to it is still buffered (a query, or the ROLLBACK of a transaction
 * that was running), that pooled connection keeps the stale bytes and never sends its startup
 * message again — every later query on it waits for `connect_timeout` and fails, for good. When
 * the buffered write fires after the close instead, it throws outside any promise: an uncaught
 * TypeError that ends the process.
 *
 * Until a release fixes it: that TypeError is taken off the process, and whenever a connection
 * of the pool closes under us, the pool is replaced by a fresh one (the old one ends gracefully,
 * letting what runs on it finish). The `Sql` handed out is a stable handle that always forwards
 * to the current pool.
 */
import postgres from "postgres";
import type { Sql } from "./client.ts";

export interface ServerPool {
  sql: Sql;
  close(): Promise<void>;
}

/** At most one replacement per this long: while the server is down, connections keep failing. */
const REPLACE_AT_MOST_EVERY_MS = 1000;

export function openServerPool(
  url: string,
  options: postgres.Options<Record<string, postgres.PostgresType>>,
): ServerPool {
  let closing = false;
  const connect = (): Sql => {
    const pool = postgres(url, {
      ...options,
      // Also fires for connections that end on their own (max_lifetime): then a replacement is
      // the same recycling, for the whole pool at once.
      onclose: () => {
        if (pool === current) replaceSoon();
      },
    }) as unknown as Sql;
    return pool;
  };
  let current = connect();
  // LISTEN keeps a pool of its own that is never replaced: replacing it would drop the
  // subscriptions, and postgres.js reconnects and re-listens by itself.
  const listener = postgres(url, options) as unknown as Sql;

  const retiring = new Set<Promise<void>>();
  let replacement: ReturnType<typeof setTimeout> | null = null;
  let replacedAt = 0;
  const replaceSoon = () => {
    if (closing || replacement !== null) return;
    const wait = Math.max(
      0,
      replacedAt + REPLACE_AT_MOST_EVERY_MS - Date.now(),
    );
    replacement = setTimeout(() => {
      replacement = null;
      replacedAt = Date.now();
      const old = current;
      current = connect();
      const ending = old.end({ timeout: 10 }).catch(() => {});
      retiring.add(ending);
      ending.finally(() => retiring.delete(ending));
    }, wait);
  };
  const onError = (event: ErrorEvent) => {
    if (!isWriteAfterClose(event.error)) return;
    event.preventDefault(); // not fatal: the connection's pool is replaced
    console.warn("database: a connection closed mid-write; replacing the pool");
    replaceSoon();
  };
  globalThis.addEventListener("error", onError);

  const sql = new Proxy(() => {}, {
    apply: (_target, _this, args) =>
      Reflect.apply(
        current as unknown as (...a: unknown[]) => unknown,
        undefined,
        args,
      ),
    get: (_target, property) =>
      property === "listen" ? listener.listen : Reflect.get(current, property),
  }) as unknown as Sql;

  return {
    sql,
    async close() {
      closing = true;
      globalThis.removeEventListener("error", onError);
      if (replacement !== null) clearTimeout(replacement);
      await Promise.all([
        current.end({ timeout: 5 }),
        listener.end({ timeout: 5 }),
        ...retiring,
      ]);
    },
  };
}

/** postgres.js writing to a connection it has already closed (see above); nothing else. */
function isWriteAfterClose(error: unknown): boolean {
  const stack = error instanceof TypeError ? error.stack ?? "" : "";
  return stack.includes("reading 'write'") && stack.includes("nextWrite") &&
    stack.includes("/postgres");
}
