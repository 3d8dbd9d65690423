/**
 * A real Starling instance for tests: its own fresh database (Postgres by default, PGlite with
 * `embedded: true`), in-memory KV, served on a loopback port so real clients (masto.js, a
 * browser, another instance) can talk to it. `ORIGIN` is the address it actually listens on.
 */
import { loadConfig } from "../../lib/config.ts";
import { createStarling, type Starling } from "../../lib/server.ts";
import type { Resolver } from "../../lib/net/mod.ts";
import type { MxResolver } from "../../lib/moderation/mod.ts";
import { createTestDatabase, type TestDatabase } from "./db.ts";

export interface TestInstance {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  starling: Starling;
  deps: Starling["deps"];
  /** `fetch` relative to the instance's origin. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface TestInstanceOptions {
  embedded?: boolean;
  /** Extra environment, e.g. `{ REGISTRATIONS: "approval" }`. */
  env?: Record<string, string>;
  /** Use `localhost` instead of `127.0.0.1` in the origin (two instances need distinct hosts). */
  host?: string;
  /**
   * Keep Deno KV in a file under `DATA_DIR` (as in production) instead of in memory, so another
   * process (the admin CLI) can share its queue.
   */
  fileKv?: boolean;
  /** Plays the DNS for deliveries and stored inboxes (e.g. a rebinding one); system by default. */
  resolveHost?: Resolver;
  /** Plays the DNS for the sign-up gate's MX check; the system resolver by default. */
  resolveMx?: MxResolver;
  /**
   * Run on this (Postgres) database instead of a fresh one, and leave it in place on close:
   * a second instance on the same database plays a restart.
   */
  database?: TestDatabase;
}

const ROOT_DIR = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

export async function startTestInstance(
  options: TestInstanceOptions = {},
): Promise<TestInstance> {
  const database = options.embedded
    ? null
    : options.database ?? await createTestDatabase();
  const ownDatabase = !options.database;
  let starling: Starling | null = null;
  // Listen first so ORIGIN can carry the real port; requests wait until the app is built.
  const ready = Promise.withResolvers<Starling>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (req, info) => (await ready.promise).handler(req, info),
  );
  const host = options.host ?? "127.0.0.1";
  const origin = `http://${host}:${server.addr.port}`;
  try {
    const config = loadConfig({
      ORIGIN: origin,
      PORT: String(server.addr.port),
      DATABASE_URL: database?.url,
      DATA_DIR: await Deno.makeTempDir({ prefix: "starling-test-" }),
      SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
      ALLOW_PRIVATE_ADDRESS: "true",
      ...options.env,
    }, ROOT_DIR);
    starling = await createStarling(config, {
      kvPath: options.fileKv ? config.kvPath : ":memory:",
      resolveHost: options.resolveHost,
      resolveMx: options.resolveMx,
    });
    ready.resolve(starling);
  } catch (error) {
    ready.reject(error);
    await server.shutdown();
    if (ownDatabase) await database?.drop();
    throw error;
  }
  const instance: TestInstance = {
    origin,
    starling,
    deps: starling.deps,
    fetch: (path, init) => fetch(new URL(path, origin), init),
    async close() {
      // Open streams would keep the server from shutting down: end them first.
      const stopped = server.shutdown();
      await starling!.deps.streams.close();
      await settleWithin(stopped, 10, "server shutdown");
      await starling!.close();
      await Deno.remove(starling!.deps.config.dataDir, { recursive: true })
        .catch(() => {});
      if (ownDatabase) await database?.drop();
    },
  };
  return instance;
}

/**
 * Waits for `promise` at most `seconds`, then goes on with a warning: a connection the test
 * left open (a browser's socket mid-upgrade) must not hang the whole suite at teardown.
 */
export async function settleWithin(
  promise: Promise<unknown> | undefined,
  seconds: number,
  what: string,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), seconds * 1000);
  });
  const outcome = await Promise.race([promise?.then(() => "done"), late]);
  clearTimeout(timer);
  if (outcome === "late") {
    console.warn(`${what} still pending after ${seconds} s; going on`);
  }
}
