/**
 * The Fedify federation: actors, key pairs, WebFinger, NodeInfo, collections, the Note object
 * dispatcher and the inbox listeners. Built per `Deps` (no import-time singleton), with `Deps`
 * as Fedify's context data, so tests can run several federating instances in one process.
 *
 * URLs (Mastodon's shapes): actor `/users/{username}`, inbox `/users/{username}/inbox`, shared
 * inbox `/inbox`, outbox/followers/following/featured under `/users/{username}/…`, statuses
 * `/users/{username}/statuses/{id}`, instance actor `/actor` (an `Application` that signs our
 * fetches; its keys live in `settings`, see `keys.ts`).
 */
import {
  type Context,
  createFederationBuilder,
  type Federation,
  kvCache,
  type RequestContext,
} from "@fedify/fedify";
import {
  Application,
  Endpoints,
  Note,
  type Object as APObject,
} from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById, findAccountKeys } from "../db/accounts.ts";
import {
  countFollows,
  findAccountByUri,
  findLocalAccountByUsername,
  instanceUsage,
  relationshipPage,
  remoteFollowerInboxes,
} from "../db/federation.ts";
import {
  countOutbox,
  findStatusById,
  outboxPage,
  pinnedStatuses,
  type StatusRow,
} from "../db/federated-statuses.ts";
import { isVisibleTo } from "../domain/visibility.ts";
import { DenoKvStore } from "./kv-store.ts";
import { DenoKvMessageQueue } from "./kv-queue.ts";
import { createMastodonRetryPolicy } from "./retry-policy.ts";
import { importKeyPairs, instanceActorKeyPairs } from "./keys.ts";
import {
  accountUri,
  actorFromAccount,
  announceActivity,
  createActivity,
  loadNoteParts,
  noteFromStatus,
  profileUrl,
  statusUri,
} from "./to-ap.ts";
import { registerInboxListeners } from "./inbox.ts";
import {
  federationContextLoader,
  federationDocumentLoader,
} from "./document-loader.ts";

export type StarlingFederation = Federation<Deps>;

import { INSTANCE_ACTOR, SOFTWARE_NAME, SOFTWARE_VERSION } from "./names.ts";
export { INSTANCE_ACTOR, SOFTWARE_NAME, SOFTWARE_VERSION } from "./names.ts";
const PAGE_SIZE = 20;

export interface BuildFederationOptions {
  /** Compress the retry schedule (tests); see `createMastodonRetryPolicy`. */
  retryScale?: number;
}

export async function buildFederation(
  deps: Deps,
  options: BuildFederationOptions = {},
): Promise<StarlingFederation> {
  const builder = createFederationBuilder<Deps>();
  // Key imports (RSA import is slow), per account id, for this federation only.
  const keyCache = new Map<
    string,
    { fingerprint: string; pairs: Promise<CryptoKeyPair[]> }
  >();
  let instanceKeys: Promise<CryptoKeyPair[]> | null = null;

  builder
    .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
      if (identifier === INSTANCE_ACTOR) return await instanceActor(ctx);
      const account = await findLocalAccountByUsername(
        ctx.data.sql,
        identifier,
      );
      if (!account || account.suspended_at || account.username !== identifier) {
        return null;
      }
      const keys = await ctx.getActorKeyPairs(identifier);
      return actorFromAccount(ctx, account, keys);
    })
    .mapActorAlias("/actor", INSTANCE_ACTOR)
    .mapHandle(async (ctx, username) => {
      if (
        username.toLowerCase() === "actor" || username === ctx.data.config.host
      ) {
        return INSTANCE_ACTOR;
      }
      const account = await findLocalAccountByUsername(ctx.data.sql, username);
      return account && !account.suspended_at ? account.username : null;
    })
    .setKeyPairsDispatcher(async (ctx, identifier) => {
      if (identifier === INSTANCE_ACTOR) {
        instanceKeys ??= instanceActorKeyPairs(ctx.data.sql);
        instanceKeys.catch(() => instanceKeys = null);
        return await instanceKeys;
      }
      const account = await findLocalAccountByUsername(
        ctx.data.sql,
        identifier,
      );
      if (!account) return [];
      // The rows are read every time (one indexed query) and only their import is cached, by
      // the stored public keys: a rotation (new account_keys rows) is used at once.
      const stored = await findAccountKeys(ctx.data.sql, account.id);
      const fingerprint = stored.map((k) => JSON.stringify(k.public_jwk))
        .join("|");
      let cached = keyCache.get(account.id);
      if (cached?.fingerprint !== fingerprint) {
        cached = { fingerprint, pairs: importKeyPairs(stored) };
        cached.pairs.catch(() => keyCache.delete(account.id));
        keyCache.set(account.id, cached);
      }
      return await cached.pairs;
    });

  builder.setWebFingerLinksDispatcher((ctx, resource) => {
    // The profile page link Mastodon shows; Fedify adds `self` for the actor itself.
    const parsed = ctx.parseUri(resource);
    if (parsed?.type !== "actor" || parsed.identifier === INSTANCE_ACTOR) {
      return [];
    }
    return [{
      rel: "http://webfinger.net/rel/profile-page",
      type: "text/html",
      href: profileUrl(ctx.origin, parsed.identifier).href,
    }];
  });

  builder.setNodeInfoDispatcher("/nodeinfo/2.1", async (ctx) => {
    const usage = await instanceUsage(ctx.data.sql);
    return {
      software: {
        name: SOFTWARE_NAME,
        version: SOFTWARE_VERSION,
        homepage: new URL(ctx.origin),
      },
      protocols: ["activitypub"],
      openRegistrations: ctx.data.config.registrations !== "closed",
      usage: {
        users: {
          total: usage.users,
          activeMonth: usage.active_month,
          activeHalfyear: usage.active_half_year,
        },
        localPosts: usage.local_posts,
        localComments: 0,
      },
      metadata: { nodeName: ctx.data.config.host },
    };
  });

  builder.setObjectDispatcher(
    Note,
    "/users/{username}/statuses/{id}",
    async (ctx, { username, id }) => {
      const status = await findStatusById(ctx.data.sql, id);
      if (!status || !status.local || status.reblog_of_id) return null;
      const author = await findAccountById(ctx.data.sql, status.account_id);
      if (!author || author.username !== username || author.domain != null) {
        return null;
      }
      if (!await mayFetch(ctx, status, author)) return null;
      return noteFromStatus(
        ctx,
        status,
        author,
        await loadNoteParts(ctx, ctx.data, status),
      ) as Note;
    },
  );

  builder
    .setOutboxDispatcher(
      "/users/{identifier}/outbox",
      async (ctx, identifier, cursor) => {
        const author = await findLocalAccountByUsername(
          ctx.data.sql,
          identifier,
        );
        if (!author || cursor == null) return null;
        const rows = await outboxPage(ctx.data.sql, author.id, {
          beforeId: cursor || undefined,
          limit: PAGE_SIZE,
        });
        const items = [];
        for (const row of rows) items.push(await outboxItem(ctx, row, author));
        return {
          items,
          nextCursor: rows.length === PAGE_SIZE
            ? rows[rows.length - 1].id
            : null,
        };
      },
    )
    .setFirstCursor(() => "")
    .setCounter(async (ctx, identifier) => {
      const author = await findLocalAccountByUsername(ctx.data.sql, identifier);
      return author ? await countOutbox(ctx.data.sql, author.id) : null;
    });

  builder
    .setFollowersDispatcher(
      "/users/{identifier}/followers",
      async (ctx, identifier, cursor, filter) => {
        const account = await findLocalAccountByUsername(
          ctx.data.sql,
          identifier,
        );
        if (!account) return null;
        if (cursor == null) {
          // One-shot, for delivery: every remote follower's inbox (optionally one origin's).
          const items = await allRemoteFollowers(ctx.data, account.id);
          return {
            items: filter
              ? items.filter((r) => r.id?.origin === filter.origin)
              : items,
          };
        }
        return await relationshipCollectionPage(
          ctx,
          account.id,
          "followers",
          cursor,
        );
      },
    )
    .setFirstCursor(() => "")
    .setCounter(async (ctx, identifier) => {
      const account = await findLocalAccountByUsername(
        ctx.data.sql,
        identifier,
      );
      return account
        ? await countFollows(ctx.data.sql, account.id, "followers")
        : null;
    });

  builder
    .setFollowingDispatcher(
      "/users/{identifier}/following",
      async (ctx, identifier, cursor) => {
        const account = await findLocalAccountByUsername(
          ctx.data.sql,
          identifier,
        );
        if (!account || cursor == null) return null;
        const page = await relationshipCollectionPage(
          ctx,
          account.id,
          "following",
          cursor,
        );
        return {
          items: page.items.map((r) => r.id!),
          nextCursor: page.nextCursor,
        };
      },
    )
    .setFirstCursor(() => "")
    .setCounter(async (ctx, identifier) => {
      const account = await findLocalAccountByUsername(
        ctx.data.sql,
        identifier,
      );
      return account
        ? await countFollows(ctx.data.sql, account.id, "following")
        : null;
    });

  builder.setFeaturedDispatcher(
    "/users/{identifier}/collections/featured",
    async (ctx, id) => {
      const account = await findLocalAccountByUsername(ctx.data.sql, id);
      if (!account) return null;
      const items: APObject[] = [];
      for (const status of await pinnedStatuses(ctx.data.sql, account.id)) {
        items.push(
          noteFromStatus(
            ctx,
            status,
            account,
            await loadNoteParts(ctx, ctx.data, status),
          ),
        );
      }
      return { items };
    },
  );

  registerInboxListeners(builder);

  const federationKv = new DenoKvStore(deps.kv);
  return await builder.build({
    kv: federationKv,
    // Fedify only enqueues here: the server listens with its own instance (`lazy.ts`).
    queue: new DenoKvMessageQueue(deps.kv),
    manuallyStartQueue: true,
    origin: deps.config.origin,
    // Fedify's own fetches (keys while verifying inbox signatures, objects it dereferences) go
    // through our strict loader: ActivityPub types only, same-origin ids, ≤ 5 redirects, public
    // addresses pinned against DNS rebinding (see document-loader.ts, pinned-fetch.ts). Fedify
    // refuses these factories alongside its `allowPrivateAddress` and `userAgent` options, so
    // those are ours: the loaders take `ALLOW_PRIVATE_ADDRESS` and set our User-Agent (Fedify's
    // deliveries send its default one).
    documentLoaderFactory: () => federationDocumentLoader(deps.config),
    authenticatedDocumentLoaderFactory: (identity) =>
      federationDocumentLoader(deps.config, identity),
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

async function instanceActor(ctx: RequestContext<Deps>): Promise<Application> {
  const keys = await ctx.getActorKeyPairs(INSTANCE_ACTOR);
  return new Application({
    id: ctx.getActorUri(INSTANCE_ACTOR),
    preferredUsername: ctx.data.config.host,
    name: ctx.data.config.host,
    inbox: ctx.getInboxUri(INSTANCE_ACTOR),
    outbox: ctx.getOutboxUri(INSTANCE_ACTOR),
    endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
    url: new URL("/about", ctx.origin),
    manuallyApprovesFollowers: true,
    publicKey: keys[0]?.cryptographicKey ?? null,
    assertionMethods: keys.map((k) => k.multikey),
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

async function outboxItem(
  ctx: Context<Deps>,
  row: StatusRow,
  author: AccountRow,
) {
  if (row.reblog_of_id) {
    const original = await findStatusById(ctx.data.sql, row.reblog_of_id);
    const originalAuthor = original &&
      await findAccountById(ctx.data.sql, original.account_id);
    if (original && originalAuthor) {
      return announceActivity(
        ctx,
        author,
        row,
        statusUri(ctx, original, originalAuthor),
        accountUri(ctx, originalAuthor),
      );
    }
  }
  const note = noteFromStatus(
    ctx,
    row,
    author,
    await loadNoteParts(ctx, ctx.data, row),
  );
  return createActivity(note, ctx.getActorUri(author.username));
}

async function allRemoteFollowers(deps: Deps, accountId: string) {
  const recipients = [];
  let afterId: string | undefined;
  while (true) {
    const rows = await remoteFollowerInboxes(deps.sql, accountId, {
      afterId,
      limit: 1000,
    });
    for (const row of rows) {
      recipients.push({
        id: new URL(row.uri),
        inboxId: new URL(row.inbox_url),
        endpoints: row.shared_inbox_url
          ? { sharedInbox: new URL(row.shared_inbox_url) }
          : null,
      });
    }
    if (rows.length < 1000) return recipients;
    afterId = rows[rows.length - 1].follow_id;
  }
}

async function relationshipCollectionPage(
  ctx: Context<Deps>,
  accountId: string,
  direction: "followers" | "following",
  cursor: string,
) {
  const rows = await relationshipPage(ctx.data.sql, accountId, direction, {
    beforeId: cursor || undefined,
    limit: 40,
  });
  return {
    items: rows.map((row) => ({
      id: accountUri(ctx, row),
      inboxId: null,
    })),
    nextCursor: rows.length === 40 ? rows[rows.length - 1].id : null,
  };
}
