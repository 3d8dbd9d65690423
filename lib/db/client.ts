/**
 * The one SQL path: a postgres.js client, either to a Postgres server (`DATABASE_URL`) or to an
 * embedded PGlite database exposed on a loopback port through pglite-socket. The same queries and
 * migrations run on both.
 */
import postgres from "postgres";
import { openServerPool } from "./server-pool.ts";
import { lockDataDirectory } from "./data-dir-lock.ts";

export type Sql = postgres.Sql;
/** A transaction handle inside `sql.begin()`; queries written for `Sql` take it as well. */
export type Tx = postgres.TransactionSql;
/** Anything that can run a query: the pool or a transaction. */
export type Queryable = Sql | Tx;

export interface Database {
  sql: Sql;
  /** `postgres` for a server, `pglite` for the embedded database. */
  kind: "postgres" | "pglite";
  /**
   * LISTENs on `channel`; resolves to the function that stops. On a server, on a connection of
   * its own (postgres.js `listen`, shared with the streaming API's), listening again after a
   * reconnect: `onListen` runs each time, since what was sent meanwhile is lost. On PGlite, the
   * one connection listens itself: a notification arrives with the response of the statement
   * that committed it, so this process's own change is seen before its write returns.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onListen?: () => void,
  ): Promise<() => Promise<void>>;
  /** PGlite only: its data directory as a gzipped tarball (the embedded template's source). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL. When absent, an embedded PGlite database is opened. */
  url?: string;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  pgliteDir?: string;
  /** Pool size for a Postgres server. */
  max?: number;
  /**
   * For a PGlite data directory that doesn't exist yet: a migrated data directory to start
   * from instead of running initdb (`embedded-template.ts`), or null to create it.
   */
  pgliteTemplate?: () => Promise<Blob | null>;
}

const sharedOptions = {
  onnotice: () => {},
  // Counters and ids are int8: keep ids as strings (JSON wants strings) but let callers cast
  // counts with `::int` in SQL.
  connection: { application_name: "starling" },
} as const;

export async function openDatabase(
  options: DatabaseOptions,
): Promise<Database> {
  if (options.url) {
    const pool = openServerPool(options.url, {
      ...sharedOptions,
      max: options.max ?? 10,
      // While the server is down or restarting, requests fail at once (503) instead of waiting:
      // a connection attempt gives up after 5 s (postgres.js waits 30), and a pool connection
      // retries at most every 2 s (postgres.js backs off to 20 s, so after an outage the first
      // requests waited up to 20 s for a server that was long back).
      connect_timeout: 5,
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 2),
    });
    try {
      await pool.sql`SELECT 1`; // fail at start, with a clear error, when the server is unreachable
    } catch (error) {
      await pool.close().catch(() => {});
      throw error;
    }
    return {
      sql: pool.sql,
      kind: "postgres",
      async listen(channel, onNotify, onListen) {
        const listener = await pool.sql.listen(channel, onNotify, onListen);
        return () => listener.unlisten();
      },
      close: pool.close,
    };
  }
  return await openEmbedded(
    options.pgliteDir ?? "memory://",
    options.pgliteTemplate,
  );
}

/**
 * PGlite allows one process per data directory: the process that opens it holds its lock
 * (`data-dir-lock.ts`) until it closes, and another process opening it meanwhile gets
 * `DataDirectoryInUse` instead of a second copy of the database. The socket server below accepts
 * one client connection (pglite-socket's default), this process's own pool: PGlite has a single
 * session, which two clients would share (settings, prepared statements, transactions).
 */
/** The embedded database's buffer pool (see `openEmbedded`). */
export const EMBEDDED_SHARED_BUFFERS = "16MB";

async function openEmbedded(
  dir: string,
  template?: () => Promise<Blob | null>,
): Promise<Database> {
  const inMemory = dir === "memory://";
  const lock = inMemory ? null : await lockDataDirectory(dir);
  try {
    const loadDataDir =
      !inMemory && template && !await exists(`${dir}/PG_VERSION`)
        ? await template() ?? undefined
        : undefined;
    // Imported lazily: PGlite's WASM is only loaded when the embedded database is used.
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const db = await PGlite.create(inMemory ? undefined : dir, {
      loadDataDir,
      startParams: [
        ...PGlite.defaultStartParams,
        // PGlite keeps Postgres's 128 MB default, and the whole pool is resident from the
        // start (it lives in the WebAssembly memory): 16 MB holds a small instance's hot pages
        // (the OS still caches the data files underneath) and saves ~110 MiB of RSS and ~0.1 s
        // of start-up (bench/RESULTS.md, "Footprint").
        "-c",
        `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`,
      ],
    });
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0 });
    await server.start();
    const address = server.getServerConn(); // "127.0.0.1:PORT"
    const listeners = new Map<string, Set<(payload: string) => void>>();
    // PGlite is a single connection: one client connection keeps transactions from interleaving.
    const sql = postgres(`postgres://postgres@${address}/postgres`, {
      ...sharedOptions,
      max: 1,
      ssl: false,
      // Not in postgres.js's types, but passed to every connection: the NOTIFYs this one gets.
      onnotify: (channel: string, payload: string) =>
        listeners.get(channel)?.forEach((fn) => fn(payload)),
    } as postgres.Options<Record<string, never>>);
    return {
      sql,
      kind: "pglite",
      async listen(channel, onNotify, onListen) {
        let fns = listeners.get(channel);
        if (!fns) {
          listeners.set(channel, fns = new Set());
          await sql`LISTEN ${sql(channel)}`;
        }
        fns.add(onNotify);
        onListen?.();
        return async () => {
          fns.delete(onNotify);
          if (fns.size === 0 && listeners.get(channel) === fns) {
            listeners.delete(channel);
            await sql`UNLISTEN ${sql(channel)}`.catch(() => {});
          }
        };
      },
      dumpDataDir: () => db.dumpDataDir("gzip"),
      close: async () => {
        await sql.end({ timeout: 5 });
        await server.stop();
        await db.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/**
 * Errors that say the database can't be reached right now — down, restarting, the connection
 * dropped mid-query — rather than that a query was wrong: callers answer 503 (try again), not
 * 500. The pool reconnects by itself once the server is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === "string" &&
      (UNAVAILABLE_CODES.has(code) || code.startsWith("08")) // SQLSTATE connection exceptions
    ) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set([
  // postgres.js: the connection closed, was ended, or didn't come up in time
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // the socket
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // SQLSTATE: shutting down (fast, crash) or starting up; too many connections
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
