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
import { domainEventJob } from "./domain/event-job.ts";
import { JobQueue, JobRegistry } from "./jobs/mod.ts";
import { StreamHub } from "./mastodon/streaming.ts";
import { buildWebApp } from "./web/app.ts";
import {
  lazyFederation,
  listenFederationQueue,
  subscribeOutboxLazily,
} from "./federation/lazy.ts";
import { installPinnedDeliveries } from "./federation/pinned-delivery.ts";
import { type Resolver, systemResolve } from "./federation/public-address.ts";
import { createMediaStorage } from "./media/storage.ts";
import { detectAvTools } from "./media/av.ts";
import { mediaAvJob, mediaPruneJob } from "./domain/media-jobs.ts";
import { RateLimits } from "./web/rate-limit.ts";
import { serveAdminCommands } from "./admin/remote.ts";
import { RequestDrain } from "./web/drain.ts";
import { settledWithin } from "./settle.ts";

export interface Starling {
  deps: Deps;
  handler: (req: Request, info?: Deno.ServeHandlerInfo) => Promise<Response>;
  /**
   * Stopping the process (SIGTERM): new requests get a 503, open streams end (WebSockets with
   * a close frame), requests in flight finish (at most 10 s), `server` shuts down, then
   * `close()`. Resolves false if requests were still running when the wait ran out.
   */
  stop(server: { shutdown(): Promise<void> }): Promise<boolean>;
  /**
   * Stops the admin endpoint, the queue (letting running tasks finish, at most 10 s) and the
   * effects, then closes KV and the database. Once, however often it is called.
   */
  close(): Promise<void>;
}

export interface StarlingOptions {
  /** Use `:memory:` in tests; defaults to `config.kvPath`. */
  kvPath?: string;
  /** Defaults to `<rootDir>/migrations`. */
  migrationsDir?: string;
  /** Defaults to the system resolver; tests play a hostile DNS server with it. */
  resolveHost?: Resolver;
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
    // Every kind of job this build runs; a job of another kind (a newer version's) is parked.
    const jobs = new JobQueue<Deps>(
      database.sql,
      new JobRegistry<Deps>([domainEventJob, mediaAvJob, mediaPruneJob]),
      // The embedded database has one connection, so no LISTEN: see lib/jobs/queue.ts.
      {
        listen: database.kind === "postgres",
        soleProcess: database.kind === "pglite",
      },
    );
    const effects = new EffectBus(jobs);
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
      jobs,
      streams,
      federation: undefined as unknown as Deps["federation"], // set just below
      resolveRemote: async (query) =>
        (await import("./federation/search.ts")).resolveRemote(deps, query),
      media: createMediaStorage(config),
      avTools: options.commandLine ? null : await detectAvTools(),
      rateLimits: new RateLimits(config.trustedProxies),
      resolveHost: options.resolveHost ?? systemResolve,
      close: async () => {
        effects.close();
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
  console.info(
    `media: ${deps.media.kind} storage; ffmpeg ${
      deps.avTools
        ? "found (video previews and durations)"
        : "not found (video/audio stored without preview)"
    }`,
  );
  // Fedify's deliveries use the global fetch: pinned inside the queue's delivery tasks.
  installPinnedDeliveries();
  const queue = new AbortController();
  const queueDone = listenFederationQueue(deps, queue.signal)
    .catch((error) => console.error("federation queue stopped:", error));
  // Side effects of committed writes, including what was left when the process last stopped.
  const jobsDone = deps.jobs.run(deps, queue.signal)
    .catch((error) => console.error("jobs stopped:", error));
  // This process holds the embedded database: the admin CLI runs its commands here.
  const adminEndpoint = deps.dbKind === "pglite"
    ? await serveAdminCommands(deps, config.dataDir)
    : null;
  let closing: Promise<void> | null = null;
  const close = () =>
    closing ??= (async () => {
      await adminEndpoint?.close();
      queue.abort();
      await web.close();
      // Queued tasks and jobs still running finish on an open database (a bounded wait: what
      // is left stays queued, its lease runs out, and it runs again after the restart).
      await settledWithin(Promise.all([queueDone, jobsDone]), QUEUE_DRAIN_MS);
      stopOutbox();
      await deps.close();
    })();
  const requests = new RequestDrain();
  return {
    deps,
    handler: requests.wrap(web.handler),
    async stop(server) {
      const draining = requests.drain(REQUEST_GRACE_MS);
      // Streams never finish on their own: end them, so that what is waited for is requests.
      await deps.streams.close();
      const finished = await draining;
      // Now nothing is left to cut short: close the listening socket and idle connections.
      await settledWithin(server.shutdown(), SERVER_SHUTDOWN_MS);
      await close();
      return finished;
    },
    close,
  };
}

/** How long stopping lets requests in flight run before shutting the server down under them. */
const REQUEST_GRACE_MS = 10_000;
/** How long the HTTP server then gets to close its connections (streams already ended). */
const SERVER_SHUTDOWN_MS = 5_000;
/** How long shutdown waits for running queue tasks before closing the database under them. */
const QUEUE_DRAIN_MS = 10_000;
