/**
 * The Fedify federation, composed here: actors, key pairs and WebFinger (`actors.ts`), the
 * collections (`collections.ts`), NodeInfo and the Note object dispatcher (below), the inbox
 * listeners (`inbox.ts`), and the build options (stores, loaders, retries). Built per `Deps` (no
 * import-time singleton), with `Deps` as Fedify's context data, so tests can run several
 * federating instances in one process. Loaded on first use by `lazy.ts` (dynamic import).
 *
 * URLs (Mastodon's shapes): actor `/users/{username}`, inbox `/users/{username}/inbox`, shared
 * inbox `/inbox`, outbox/followers/following/featured under `/users/{username}/…`, statuses
 * `/users/{username}/statuses/{id}`, instance actor `/actor` (an `Application` that signs our
 * fetches; its keys live in `settings`, see `keys.ts`).
 */
import {
  createFederationBuilder,
  type Federation,
  kvCache,
  type RequestContext,
} from "@fedify/fedify";
import { Emoji, Note } from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById } from "../db/accounts.ts";
import { findAccountByUri, instanceUsage } from "../db/federation.ts";
import { findStatusById, type StatusRow } from "../db/statuses.ts";
import { isVisibleTo } from "../domain/visibility.ts";
import { federationKvStore, federationQueue } from "./stores.ts";
import { createMastodonRetryPolicy } from "./retry-policy.ts";
import { emojiTag, noteFromStatus } from "./to-ap.ts";
import { loadNoteParts } from "./note-parts.ts";
import { registerActors } from "./actors.ts";
import { registerCollections } from "./collections.ts";
import { registerInboxListeners } from "./inbox.ts";
import { refusesUrlOf } from "./remote-accounts.ts";
import {
  federationContextLoader,
  federationDocumentLoader,
} from "./document-loader.ts";
import { INSTANCE_ACTOR, SOFTWARE_NAME } from "./names.ts";
import { MASTODON_COMPATIBLE_VERSION, STARLING_VERSION } from "../version.ts";
import { instanceSettings } from "../instance/mod.ts";
import { enabledLocalEmoji } from "../emoji/mod.ts";

export type StarlingFederation = Federation<Deps>;

export { INSTANCE_ACTOR, SOFTWARE_NAME } from "./names.ts";

export interface BuildFederationOptions {
  /** Compress the retry schedule (tests); see `createMastodonRetryPolicy`. */
  retryScale?: number;
}

export async function buildFederation(
  deps: Deps,
  options: BuildFederationOptions = {},
): Promise<StarlingFederation> {
  const builder = createFederationBuilder<Deps>();
  registerActors(builder);

  builder.setNodeInfoDispatcher("/nodeinfo/2.1", async (ctx) => {
    const [usage, settings] = await Promise.all([
      instanceUsage(ctx.data.sql),
      instanceSettings(ctx.data),
    ]);
    return {
      software: {
        name: SOFTWARE_NAME,
        version: STARLING_VERSION,
        homepage: new URL(ctx.data.config.origin),
      },
      protocols: ["activitypub"],
      openRegistrations: settings.registrationsMode !== "closed",
      usage: {
        users: {
          total: usage.users,
          activeMonth: usage.active_month,
          activeHalfyear: usage.active_half_year,
        },
        localPosts: usage.local_posts,
        localComments: 0,
      },
      metadata: {
        nodeName: settings.title,
        upstream: { name: "mastodon", version: MASTODON_COMPATIBLE_VERSION },
      },
    };
  });

  builder.setObjectDispatcher(
    Note,
    "/users/{username}/statuses/{id}",
    async (ctx, { username, id }) => {
      const status = await findStatusById(ctx.data.sql, id);
      if (!status || !status.local || status.reblog_of_id) return null;
      const author = await findAccountById(ctx.data.sql, status.account_id);
      if (
        !author || author.username !== username || author.domain != null ||
        author.suspended_at
      ) {
        return null;
      }
      if (!await mayFetch(ctx, status, author)) return null;
      const parts = await loadNoteParts(ctx, status);
      return parts && noteFromStatus(ctx, status, author, parts) as Note;
    },
  );

  // Our custom emoji as peers dereference them (the ids of our Emoji tags).
  builder.setObjectDispatcher(Emoji, "/emojis/{id}", async (ctx, { id }) => {
    const emoji = await enabledLocalEmoji(ctx.data.sql, id);
    return emoji && emojiTag(ctx, emoji);
  });

  registerCollections(builder);
  registerInboxListeners(builder);

  const federationKv = federationKvStore(deps);
  return await builder.build({
    kv: federationKv,
    // Fedify only enqueues here: workers listen with their own instance (`lazy.ts`, `worker.ts`).
    queue: federationQueue(deps),
    manuallyStartQueue: true,
    origin: deps.config.origin,
    // Fedify's own fetches (keys while verifying inbox signatures, objects it dereferences) go
    // through our strict loader: ActivityPub types only, same-origin ids, ≤ 5 redirects, public
    // addresses pinned against DNS rebinding (see document-loader.ts, lib/net/pinned-fetch.ts). Fedify
    // refuses these factories alongside its `allowPrivateAddress` and `userAgent` options, so
    // those are ours: the loaders take `ALLOW_PRIVATE_ADDRESS` and set our User-Agent (Fedify's
    // deliveries send its default one).
    // Nothing is fetched from a domain the federation policy refuses (remote-accounts.ts).
    documentLoaderFactory: () =>
      federationDocumentLoader(deps.config, undefined, refusesUrlOf(deps)),
    authenticatedDocumentLoaderFactory: (identity) =>
      federationDocumentLoader(deps.config, identity, refusesUrlOf(deps)),
    // Preloaded contexts (ActivityStreams, security, …) answer offline; others are fetched
    // strictly and cached.
    contextLoaderFactory: () =>
      kvCache({
        loader: federationContextLoader(deps.config),
        kv: federationKv,
        prefix: ["_starling", "context"],
      }),
    // Mastodon verifies draft-cavage everywhere; RFC 9421 only from 4.5. Knock with the former;
    // Fedify remembers per origin what worked.
    firstKnock: "draft-cavage-http-signatures-12",
    outboxRetryPolicy: createMastodonRetryPolicy({ scale: options.retryScale }),
    inboxRetryPolicy: createMastodonRetryPolicy({
      maxRetries: 8,
      scale: options.retryScale,
    }),
    permanentFailureStatusCodes: [404, 410],
    // A peer failing 5 times in 10 minutes is paused (its deliveries held, others unaffected)
    // for 30 minutes, then probed; scaled with the retry schedule so tests can compress it.
    circuitBreaker: {
      recoveryDelay: {
        milliseconds: Math.max(
          1000,
          Math.round(30 * 60 * 1000 * (options.retryScale ?? 1)),
        ),
      },
    },
  });
}

/**
 * Who may fetch a status as AS JSON: public and unlisted to anyone; followers-only to a signed
 * fetch by a follower or a mentioned actor; direct to a mentioned actor — the one rule in
 * `lib/domain/visibility.ts`, applied to the actor who signed the request.
 */
async function mayFetch(
  ctx: RequestContext<Deps>,
  status: StatusRow,
  author: AccountRow,
): Promise<boolean> {
  if (status.visibility === "public" || status.visibility === "unlisted") {
    return true;
  }
  const owner = await ctx.getSignedKeyOwner({
    documentLoader: await ctx.getDocumentLoader({ identifier: INSTANCE_ACTOR }),
  }).catch(() => null);
  if (!owner?.id) return false;
  const viewer = await findAccountByUri(ctx.data.sql, owner.id.href);
  if (!viewer || viewer.id === author.id) return false;
  return await isVisibleTo(ctx.data.sql, { accountId: viewer.id }, status);
}

export {
  ARCHIVE_CONTEXT,
  archiveActivities,
  archiveActor,
  type ArchivedActivity,
  type ArchivePage,
  archiveReader,
} from "./archive.ts";
