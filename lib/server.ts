/**
 * Builds a running Starling from a `Config`: database → migrations → KV → secret → effects →
 * the web app. `main.ts` serves the result; tests build as many instances as they need.
 */
import type { Config } from "./config.ts";
import type { Deps } from "./deps.ts";
import { openDatabase } from "./db/client.ts";
import { migrate, readMigrations } from "./db/migrate.ts";
import { loadSecretKey } from "./domain/secrets.ts";
import { EffectBus } from "./domain/effects.ts";
import { StreamHub } from "./mastodon/streaming.ts";
import { buildWebApp } from "./web/app.ts";
import {
  lazyFederation,
  listenFederationQueue,
  subscribeOutboxLazily,
} from "./federation/lazy.ts";
import { createMediaStorage } from "./media/storage.ts";
import { detectAvTools } from "./media/av.ts";
import { startMediaCleanup } from "./domain/media.ts";
import { RateLimits } from "./web/rate-limit.ts";
import { serveAdminCommands } from "./admin/remote.ts";

export interface Starling {
  deps: Deps;
  handler: (req: Request, info?: Deno.ServeHandlerInfo) => Promise<Response>;
  close(): Promise<void>;
}

export interface StarlingOptions {
  /** Use `:memory:` in tests; defaults to `config.kvPath`. */
  kvPath?: string;
  /** Defaults to `<rootDir>/migrations`. */
  migrationsDir?: string;
}

export interface OpenDepsOptions extends StarlingOptions {
  /**
   * For a short command (the admin CLI) rather than a server: it serves no streams, so it
   * doesn't LISTEN for stream events, and it takes no uploads, so ffmpeg isn't looked for.
   */
  commandLine?: boolean;
}

export async function openDeps(
  config: Config,
  options: OpenDepsOptions = {},
): Promise<Deps> {
  const database = await openDatabase({
    url: config.databaseUrl,
    pgliteDir: `${config.dataDir}/pg`,
  });
  let kv: Deno.Kv | undefined;
  try {
    await migrate(
      database.sql,
      await readMigrations(
        options.migrationsDir ?? `${config.rootDir}/migrations`,
      ),
    );
    const kvPath = options.kvPath ?? config.kvPath;
    if (kvPath && kvPath !== ":memory:") {
      await Deno.mkdir(kvPath.replace(/\/[^/]+$/, ""), { recursive: true });
    }
    kv = await Deno.openKv(kvPath);
    const secret = await loadSecretKey(database.sql, config.secretKey);
    const effects = new EffectBus();
    const streams = new StreamHub({
      sql: database.sql,
      dbKind: database.kind,
      effects,
      origin: config.origin,
    });
    await streams.start({ publishOnly: options.commandLine });
    const deps: Deps = {
      config,
      sql: database.sql,
      dbKind: database.kind,
      kv,
      secret,
      effects,
      streams,
      federation: undefined as unknown as Deps["federation"], // set just below
      resolveRemote: async (query) =>
        (await import("./federation/search.ts")).resolveRemote(deps, query),
      media: createMediaStorage(config),
      avTools: options.commandLine ? null : await detectAvTools(),
      rateLimits: new RateLimits(config.trustedProxies),
      close: async () => {
        // Listeners still running (deliveries being queued, stream notifications) finish while
        // the database and KV they use are open.
        await effects.close();
        await streams.close();
        kv?.close();
        await database.close();
      },
    };
    // Fedify takes these very deps as its context data, so it is made after them (and built
    // on first use).
    deps.federation = lazyFederation(deps, {
      retryScale: config.deliveryRetryScale,
    });
    return deps;
  } catch (error) {
    kv?.close();
    await database.close();
    throw error;
  }
}

export async function createStarling(
  config: Config,
  options: StarlingOptions = {},
): Promise<Starling> {
  const deps = await openDeps(config, options);
  const web = await buildWebApp(deps);
  // The server process delivers: domain events become activities, and the queue runs here.
  const stopOutbox = subscribeOutboxLazily(deps);
  // Uploads never attached to a post are removed after a day (checked hourly).
  const stopMediaCleanup = startMediaCleanup(deps);
  console.info(
    `media: ${deps.media.kind} storage; ffmpeg ${
      deps.avTools
        ? "found (video previews and durations)"
        : "not found (video/audio stored without preview)"
    }`,
  );
  const queue = new AbortController();
  const queueDone = listenFederationQueue(deps, queue.signal)
    .catch((error) => console.error("federation queue stopped:", error));
  // This process holds the embedded database: the admin CLI runs its commands here.
  const adminEndpoint = deps.dbKind === "pglite"
    ? await serveAdminCommands(deps, config.dataDir)
    : null;
  return {
    deps,
    handler: web.handler,
    async close() {
      await adminEndpoint?.close();
      stopMediaCleanup();
      queue.abort();
      await web.close();
      // After the outbox stops listening, deps.close() still lets its running deliveries finish.
      stopOutbox();
      // Queued tasks still running finish on an open database (a bounded wait: what is left
      // stays queued and runs again after the restart).
      await settledWithin(queueDone, QUEUE_DRAIN_MS);
      await deps.close();
    },
  };
}

/** How long shutdown waits for running queue tasks before closing the database under them. */
const QUEUE_DRAIN_MS = 10_000;

async function settledWithin(
  task: Promise<unknown>,
  ms: number,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    task,
    new Promise((resolve) => timer = setTimeout(resolve, ms)),
  ]);
  clearTimeout(timer);
}
