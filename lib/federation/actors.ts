/**
 * Who this server is to the fediverse: the local actors (`/users/{username}`), the instance
 * actor (`/actor`, an `Application` that signs our fetches; its keys live in `settings`, see
 * `keys.ts`), their key pairs, and the WebFinger handles and profile-page links.
 */
import type { FederationBuilder, RequestContext } from "@fedify/fedify";
import { Application, Endpoints } from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import { findAccountKeys } from "../db/accounts.ts";
import { findLocalAccountByUsername } from "../db/federation.ts";
import { importKeyPairs, instanceActorKeyPairs } from "./keys.ts";
import { localActor, profileUrl } from "./to-ap.ts";
import { INSTANCE_ACTOR } from "./names.ts";
import { interactionLinks } from "./interaction-intents.ts";

/** Registers the actor, handle, key-pair and WebFinger-link dispatchers on `builder`. */
export function registerActors(builder: FederationBuilder<Deps>): void {
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
      // A suspended account's actor stays, emptied and marked `suspended` (as Mastodon serves
      // it): peers learn of the suspension from it, and can still verify its signed Update.
      if (!account || account.username !== identifier) {
        return null;
      }
      const keys = await ctx.getActorKeyPairs(identifier);
      return await localActor(ctx, account, keys);
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
    // Fedify calls this once it found the actor, with the resource asked for: the actor's URL
    // or `acct:user@host`. Both get where to act on something seen elsewhere
    // (`/authorize_interaction`); the URL form also the profile page with its type. Fedify
    // adds `self` for the actor itself.
    const { origin, host } = ctx.data.config;
    const parsed = ctx.parseUri(resource);
    const acct = resource.protocol === "acct:"
      ? resource.pathname.split("@")[0]
      : null;
    if (parsed?.type === "actor" && parsed.identifier !== INSTANCE_ACTOR) {
      return [{
        rel: "http://webfinger.net/rel/profile-page",
        type: "text/html",
        href: profileUrl(origin, parsed.identifier).href,
      }, ...interactionLinks(origin)];
    }
    // The instance actor's handle is the host's name: no person to act as.
    if (acct && acct !== host) return interactionLinks(origin);
    return [];
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
    url: new URL("/about", ctx.data.config.origin),
    manuallyApprovesFollowers: true,
    publicKey: keys[0]?.cryptographicKey ?? null,
    assertionMethods: keys.map((k) => k.multikey),
  });
}
