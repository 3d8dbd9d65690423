/**
 * The dependencies every part of Starling receives, built once in `lib/server.ts` and passed
 * down: to routes through `ctx.state.deps`, to Fedify as its context data. Never a module-level
 * singleton, so tests can run several independent instances in one process.
 */
import type { Config } from "./config.ts";
import type { Sql } from "./db/client.ts";
import type { SecretKey } from "./domain/secrets.ts";
import type { EffectBus } from "./domain/effects.ts";
import type { JobQueue } from "./jobs/mod.ts";
import type { Federation } from "@fedify/fedify";
import type { ResolvedRemote } from "./federation/search.ts";
import type { StreamHub } from "./mastodon/streaming.ts";
import type { MediaStorage } from "./media/storage.ts";
import type { AvTools } from "./media/av.ts";
import type { RateLimits } from "./web/rate-limit.ts";
import type { TokenOwnerCache } from "./mastodon/token-owner-cache.ts";
import type { Resolver } from "./net/mod.ts";
import type { VapidKeys } from "./push/mod.ts";
import type { MailTransport } from "./mail/mod.ts";
import type { AccessGate, MxResolver } from "./moderation/mod.ts";
import type { Intent } from "./federation/interaction-intents.ts";

export interface Deps {
  config: Config;
  sql: Sql;
  /** Which database is behind `sql`. */
  dbKind: "postgres" | "pglite";
  /**
   * The Deno KV file holding Fedify's queue and caches with the embedded database; absent on
   * Postgres, which keeps them in tables (so no process on Postgres opens Deno KV at all).
   */
  kv?: Deno.Kv;
  secret: SecretKey;
  /** The Web Push key pair (`lib/push`): signs pushes; its public half is advertised. */
  vapid: VapidKeys;
  /** Domain events: recorded in the writer's transaction, dispatched to listeners by a job. */
  effects: EffectBus;
  /**
   * Durable side effects (`lib/jobs`): enqueue in the writer's transaction. Every process can
   * enqueue; the server process (`createStarling`) runs them.
   */
  jobs: JobQueue<Deps>;
  /**
   * Fedify (built by `lib/federation/mod.ts` with these deps as its context data), loaded on
   * first use (`lib/federation/lazy.ts`). Every process can enqueue deliveries; only a worker
   * (`ROLE=worker` or `all`, `lib/worker.ts`) runs the queue.
   */
  federation: () => Promise<Federation<Deps>>;
  /**
   * Finds `@user@host`, `user@host`, an actor URL or a post URL on other servers (or ours),
   * fetching and storing it: what search with `resolve=true` calls. `refresh`: fetch an
   * account again even when the stored copy is recent (a move checks its aliases as of now).
   */
  resolveRemote(
    query: string,
    options?: { refresh?: boolean },
  ): Promise<ResolvedRemote>;
  /**
   * Where `handle` (`user@server`) can do `intent` on `uri` on its own server, from that
   * server's WebFinger (remote interaction), or null.
   */
  remoteInteractionUrl(
    handle: string,
    intent: Intent,
    uri: string,
  ): Promise<string | null>;
  /**
   * The streaming API's subscribers held by this process, fed from domain events (through
   * Postgres LISTEN/NOTIFY when `dbKind` is `postgres`, so every process sees every event).
   */
  streams: StreamHub;
  /** Uploaded files (local directory or S3-compatible bucket, from `MEDIA_STORAGE`). */
  media: MediaStorage;
  /** ffmpeg/ffprobe when installed (video previews, durations); null otherwise. */
  avTools: AvTools | null;
  /**
   * How remote host names are resolved for deliveries and for the inbox check when an actor is
   * stored: the system resolver, unless a test plays a (rebinding) DNS server.
   */
  resolveHost: Resolver;
  /**
   * Where the `mail.send` job hands mails: the SMTP server of `SMTP_URL`, or the server log
   * when it is unset.
   */
  mailer: MailTransport;
  /**
   * The mail exchangers of an e-mail domain, for the sign-up gate's MX check against e-mail
   * domain blocks: the system resolver (failing open after 1.5 s), unless a test plays DNS.
   */
  resolveMx: MxResolver;
  /**
   * Access tokens' owners held in memory (API authentication without a statement), dropped on
   * every change the database announces (`lib/mastodon/token-owner-cache.ts`).
   */
  tokenOwners: TokenOwnerCache;
  /** Whether a `no_access` IP block is in force, held per process (lib/moderation). */
  accessGate: AccessGate;
  /** This process's rate-limit counters (in memory, per process, as Mastodon's per node). */
  rateLimits: RateLimits;
  /**
   * Closes streaming, KV and the database (the owner of `Deps` calls it once, at shutdown,
   * after stopping the job runner).
   */
  close(): Promise<void>;
}
