/**
 * Builds a running Starling from a `Config`: database → migrations → KV (embedded database
 * only) → secret → effects → the web app (or a worker's `/health`) → the worker (`ROLE`).
 * `main.ts` serves the result; tests build as many instances as they need.
 */
import type { Config } from "./config.ts";
import type { Deps } from "./deps.ts";
import { openDatabase } from "./db/client.ts";
import { migrate, readMigrations } from "./db/migrate.ts";
import { readEmbeddedTemplate } from "./db/embedded-template.ts";
import { loadSecretKey } from "./domain/secrets.ts";
import { EffectBus } from "./domain/effects.ts";
import { domainEventJob } from "./domain/event-job.ts";
import { importJob } from "./imports/mod.ts";
import { JobQueue, JobRegistry } from "./jobs/mod.ts";
import { StreamHub } from "./mastodon/streaming.ts";
import { buildWebApp } from "./web/app.ts";
import { workerHealthApp } from "./web/health.ts";
import { lazyFederation, subscribeOutboxLazily } from "./federation/lazy.ts";
import { type Resolver, systemResolve } from "./net/mod.ts";
import { createMediaStorage } from "./media/storage.ts";
import { detectAvTools } from "./media/av.ts";
import {
  mediaAvJob,
  mediaDiscardJob,
  mediaPruneJob,
} from "./domain/media-jobs.ts";
import { trendsRefreshJob } from "./trends/mod.ts";
import { emojiFilesJob } from "./emoji/mod.ts";
import { publishScheduledJob } from "./domain/scheduled-statuses.ts";
import { publishAnnouncementJob } from "./instance/mod.ts";
import {
  loadVapidKeys,
  pushDeliverJob,
  subscribePushDelivery,
} from "./push/mod.ts";
import { analyzeJob } from "./domain/statistics-job.ts";
import { fetchCardJob, subscribeCardFetching } from "./cards/mod.ts";
import {
  archiveAnalyseJob,
  archiveExportJob,
  archiveImportJob,
} from "./archive/mod.ts";
import { RateLimits } from "./web/rate-limit.ts";
import { TokenOwnerCache } from "./mastodon/token-owner-cache.ts";
import { TOKEN_OWNER_CHANNEL } from "./db/api-auth.ts";
import { serveAdminCommands } from "./admin/remote.ts";
import { RequestDrain } from "./web/drain.ts";
import { settledWithin } from "./settle.ts";
import { stopBudget } from "./stop-budget.ts";
import { startWorker } from "./worker.ts";
import {
  createMailTransport,
  mailEventListener,
  mailSendJob,
} from "./mail/mod.ts";
import {
  AccessGate,
  blocklistRefreshJob,
  IP_BLOCKS_CHANNEL,
  type MxResolver,
  severDomainJob,
  suspensionPurgeJob,
  systemMxResolver,
} from "./moderation/mod.ts";
import { accountDeletionJob } from "./domain/account-deletion.ts";
import { moveFollowersJob } from "./domain/account-moves.ts";
import { inboxStatsLine, inboxStatsUsed } from "./federation/inbox-stats.ts";

export interface Starling {
  deps: Deps;
  handler: (req: Request, info?: Deno.ServeHandlerInfo) => Promise<Response>;
  /**
   * Stopping the process (SIGTERM): new requests get a 503, open streams end (WebSockets with
   * a close frame), requests in flight finish (at most the stop budget's wait, 10 s; 1.5 s on
   * Deno Deploy), `server` shuts down, then `close()`. Resolves false if requests were still
   * running when the wait ran out.
   */
  stop(server: { shutdown(): Promise<void> }): Promise<boolean>;
  /**
   * Stops the admin endpoint, the worker (letting running queue tasks finish, within the stop
   * budget) and the effects, then closes KV and the database. Once, however often it is called.
   */
  close(): Promise<void>;
}

export interface StarlingOptions {
  /** Use `:memory:` in tests; defaults to `config.kvPath`. Opened with the embedded database only. */
  kvPath?: string;
  /** Defaults to `<rootDir>/migrations`. */
  migrationsDir?: string;
  /** Defaults to the system resolver; tests play a hostile DNS server with it. */
  resolveHost?: Resolver;
  /** Defaults to the system resolver (MX records, failing open); tests play the DNS with it. */
  resolveMx?: MxResolver;
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
    // A first start copies the migrated database `deno task build` made, when there is one.
    pgliteTemplate: () => readEmbeddedTemplate(config.rootDir),
  });
  let kv: Deno.Kv | undefined;
  try {
    await migrate(
      database.sql,
      await readMigrations(
        options.migrationsDir ?? `${config.rootDir}/migrations`,
      ),
    );
    // Postgres keeps Fedify's queue and caches in tables: no Deno KV, which needs the unstable
    // `kv` feature and, on Deno Deploy, an attached KV database.
    if (database.kind === "pglite") {
      kv = await openKvFile(options.kvPath ?? config.kvPath);
    }
    const secret = await loadSecretKey(database.sql, config.secretKey);
    const vapid = await loadVapidKeys(database.sql, config.vapid);
    // Every kind of job this build runs; a job of another kind (a newer version's) is parked.
    const jobs = new JobQueue<Deps>(
      database.sql,
      new JobRegistry<Deps>([
        domainEventJob,
        mediaAvJob,
        mediaDiscardJob,
        mediaPruneJob,
        emojiFilesJob,
        publishScheduledJob,
        publishAnnouncementJob,
        blocklistRefreshJob,
        severDomainJob,
        suspensionPurgeJob,
        accountDeletionJob,
        moveFollowersJob,
        pushDeliverJob,
        fetchCardJob,
        mailSendJob,
        trendsRefreshJob,
        importJob,
        archiveExportJob,
        archiveAnalyseJob,
        archiveImportJob,
        // PGlite has no autovacuum: statistics are kept by a job (Postgres analyses itself).
        ...(database.kind === "pglite" ? [analyzeJob] : []),
      ]),
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
    // Only a process serving streams LISTENs for their events (not the CLI, nor a worker).
    await streams.start({
      publishOnly: options.commandLine || config.role === "worker",
    });
    const mailer = createMailTransport(config.mail);
    // Only a process serving the API holds token owners (not the CLI, nor a worker).
    const tokenOwners = new TokenOwnerCache();
    const stopTokenOwners = options.commandLine || config.role === "worker"
      ? async () => {}
      : await database.listen(
        TOKEN_OWNER_CHANNEL,
        (change) => tokenOwners.changed(change),
        () => tokenOwners.listening(),
      );
    const accessGate = new AccessGate();
    const stopAccessGate = options.commandLine || config.role === "worker"
      ? async () => {}
      : await database.listen(
        IP_BLOCKS_CHANNEL,
        () => accessGate.changed(),
        () => accessGate.listening(),
      );
    const deps: Deps = {
      config,
      sql: database.sql,
      dbKind: database.kind,
      kv,
      secret,
      vapid,
      effects,
      jobs,
      streams,
      federation: undefined as unknown as Deps["federation"], // set just below
      resolveRemote: async (query, options) =>
        (await import("./federation/search.ts")).resolveRemote(
          deps,
          query,
          options,
        ),
      remoteInteractionUrl: async (handle, intent, uri) =>
        (await import("./federation/interaction-intents.ts"))
          .remoteInteractionUrl(config, handle, intent, uri),
      media: createMediaStorage(config),
      avTools: options.commandLine ? null : await detectAvTools(),
      mailer,
      rateLimits: new RateLimits(config.trustedProxies),
      tokenOwners,
      accessGate,
      resolveHost: options.resolveHost ?? systemResolve,
      resolveMx: options.resolveMx ?? systemMxResolver,
      close: async () => {
        effects.close();
        mailer.close();
        tokenOwners.stop();
        await stopTokenOwners().catch(() => {});
        accessGate.stop();
        await stopAccessGate().catch(() => {});
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
  const budget = stopBudget(config);
  const web = config.role === "worker"
    ? workerHealthApp(deps)
    : await buildWebApp(deps);
  // Every process that writes turns its domain events into deliveries (queued for the workers).
  const stopOutbox = subscribeOutboxLazily(deps);
  // … and notifications into pushes.
  const stopPush = subscribePushDelivery(deps);
  // …and local posts with a link into preview card fetches.
  const stopCards = subscribeCardFetching(deps);
  // …and mails what they tell the user (confirmation links, notification e-mails).
  const stopMail = deps.effects.on(mailEventListener(deps));
  const smtp = config.mail.smtp;
  console.info(
    smtp
      ? `mail: SMTP ${smtp.host}:${smtp.port} (${
        smtp.implicitTls ? "TLS" : "STARTTLS"
      }), from ${config.mail.from}`
      : "mail: SMTP_URL is not set; mails are written to this log, not sent",
  );
  console.info(
    `media: ${deps.media.kind} storage; ffmpeg ${
      deps.avTools
        ? "found (video previews and durations)"
        : "not found (video/audio stored without preview)"
    }`,
  );
  const worker = config.role === "web" ? null : startWorker(deps);
  // This process holds the embedded database: the admin CLI runs its commands here.
  const adminEndpoint = deps.dbKind === "pglite"
    ? await serveAdminCommands(deps, config.dataDir)
    : null;
  let closing: Promise<void> | null = null;
  const close = () =>
    closing ??= (async () => {
      await adminEndpoint?.close();
      const workerStopped = worker?.stop();
      await web.close();
      // Queued tasks and jobs still running finish on an open database (a bounded wait: what
      // is left stays queued, its lease runs out, and it runs again after the restart).
      await workerStopped;
      stopOutbox();
      stopPush();
      stopCards();
      stopMail();
      if (inboxStatsUsed()) console.log(inboxStatsLine());
      await deps.close();
    })();
  const requests = new RequestDrain();
  const handler = deps.dbKind === "postgres"
    ? forgetTokenOwnersAfterWrites(deps, web.handler)
    : web.handler;
  return {
    deps,
    handler: requests.wrap(handler),
    async stop(server) {
      const draining = requests.drain(budget.requestsMs);
      // Streams never finish on their own: end them, so that what is waited for is requests.
      await deps.streams.close();
      const finished = await draining;
      // Now nothing is left to cut short: close the listening socket and idle connections.
      await settledWithin(server.shutdown(), budget.serverShutdownMs);
      await close();
      return finished;
    },
    close,
  };
}

/**
 * On a server, this process's own changes reach its token owners through the LISTEN connection
 * just after the commit: a request that may have written forgets them all when it has finished,
 * so the next request sees a revoked token or a suspended account whatever the timing.
 */
function forgetTokenOwnersAfterWrites(
  deps: Deps,
  handler: (req: Request, info?: Deno.ServeHandlerInfo) => Promise<Response>,
): (req: Request, info?: Deno.ServeHandlerInfo) => Promise<Response> {
  return async (req, info) => {
    if (req.method === "GET" || req.method === "HEAD") {
      return await handler(req, info);
    }
    try {
      return await handler(req, info);
    } finally {
      deps.tokenOwners.afterWrite();
      // The same for the IP blocks this request may have changed (the admin API and pages).
      if (new URL(req.url).pathname.includes("ip_blocks")) {
        deps.accessGate.changed();
      }
    }
  };
}

/** The embedded database's Deno KV file (`:memory:` in tests), its directory made first. */
async function openKvFile(path: string | undefined): Promise<Deno.Kv> {
  if (path && path !== ":memory:") {
    await Deno.mkdir(path.replace(/\/[^/]+$/, ""), { recursive: true });
  }
  return await Deno.openKv(path);
}
