/**
 * Remote accounts: found by actor URI or `@user@host`, fetched (signed by the instance actor),
 * stored in `accounts` and refreshed when older than a day or when an `Update` of the actor
 * arrives. Every fetch goes through our strict loader and WebFinger (`document-loader.ts`,
 * `webfinger.ts`), never Fedify's `lookupObject`/`lookupWebFinger`, which fetch with the global
 * `fetch` (a WebFinger fallback, no DNS pinning).
 */
import type { Context } from "@fedify/fedify";
import type { DocumentLoader } from "@fedify/vocab";
import { type Actor, isActor, Object as APObject } from "@fedify/vocab";
import type { Deps } from "../deps.ts";
import type { AccountRow } from "../db/accounts.ts";
import { findAccountById, findAccountByUsername } from "../db/accounts.ts";
import { followRemoteSuspension } from "../moderation/mod.ts";
import { findAccountByUri, upsertRemoteAccount } from "../db/federation.ts";
import { accountInputFromActor } from "./from-ap-actors.ts";
import { isPublicUrl } from "../net/mod.ts";
import { setMovedTo } from "../db/account-moves.ts";
import { federationDocumentLoader } from "./document-loader.ts";
import { webFingerActorId } from "./webfinger.ts";
import { normalizeDomain } from "../text/domain.ts";
import { INSTANCE_ACTOR } from "./names.ts";
import { federationPolicy } from "../moderation/mod.ts";
import { storeRemoteEmojis } from "../emoji/mod.ts";
import { emojiTagsOf } from "./from-ap.ts";

export const ACCOUNT_STALE_MS = 24 * 60 * 60 * 1000;

type Ctx = Context<Deps>;

/** The federation policy as a loader's gate: no fetches from a refused domain. */
export function refusesUrlOf(deps: Deps) {
  return async (url: URL) => (await federationPolicy(deps)).refusesUrl(url);
}

/**
 * A document loader that signs its requests as the instance actor (for authorized fetch), and
 * takes only ActivityPub documents from public addresses (see `document-loader.ts`).
 */
export async function signedLoader(ctx: Ctx): Promise<DocumentLoader> {
  const pairs = await ctx.getActorKeyPairs(INSTANCE_ACTOR);
  const rsa = pairs.find((p) =>
    p.privateKey.algorithm.name === "RSASSA-PKCS1-v1_5"
  );
  return federationDocumentLoader(
    ctx.data.config,
    rsa ? { keyId: rsa.keyId, privateKey: rsa.privateKey } : undefined,
    refusesUrlOf(ctx.data),
  );
}

/**
 * Fetches any object by URL, signed as the instance actor; null when refused or not an
 * ActivityStreams object. (The loader has checked that its id is on the origin it came from.)
 */
export async function fetchObject(
  ctx: Ctx,
  url: string | URL,
): Promise<APObject | null> {
  const documentLoader = await signedLoader(ctx);
  try {
    const { document, documentUrl } = await documentLoader(new URL(url).href);
    return await APObject.fromJsonLd(document, {
      documentLoader,
      contextLoader: ctx.contextLoader,
      baseUrl: new URL(documentUrl),
    });
  } catch {
    return null;
  }
}

function isStale(account: AccountRow): boolean {
  return !account.fetched_at ||
    Date.now() - account.fetched_at.getTime() > ACCOUNT_STALE_MS;
}

/** Stores an actor we already hold (e.g. from an `Update`), returning its account. */
export async function persistActor(
  ctx: Ctx,
  actor: Actor,
): Promise<AccountRow | null> {
  if (!actor.id || actor.id.origin === new URL(ctx.data.config.origin).origin) {
    return null;
  }
  const input = await accountInputFromActor(actor, {
    documentLoader: await signedLoader(ctx),
    contextLoader: ctx.contextLoader,
  });
  if (!input) return null;
  // We will POST deliveries to these: never into a private network (see lib/net/public-address.ts).
  if (!ctx.data.config.allowPrivateAddress) {
    for (const url of [input.inbox_url, input.shared_inbox_url]) {
      if (url && !await isPublicUrl(url, ctx.data.resolveHost)) return null;
    }
  }
  const account = await upsertRemoteAccount(ctx.data.sql, input);
  // Its name's and bio's emoji (not for a domain whose media we reject).
  await storeRemoteEmojis(
    ctx.data,
    input.domain,
    await emojiTagsOf(actor, {
      documentLoader: await signedLoader(ctx),
      contextLoader: ctx.contextLoader,
    }),
  );
  // Its server's word on suspension (`toot:suspended`), applied on every fetch or Update.
  await followRemoteSuspension(ctx.data.sql, account, actor.suspended === true);
  // `movedTo` (Mastodon's redirect, or what a Move left): the profile points there when we
  // know that account; followers move only on a `Move` (inbox-moves.ts).
  const movedTo = actor.successorId
    ? await knownAccountByUri(ctx, actor.successorId)
    : null;
  if ((movedTo?.id ?? null) !== account.moved_to_account_id) {
    await setMovedTo(ctx.data.sql, account.id, movedTo?.id ?? null);
  }
  return await findAccountById(ctx.data.sql, account.id) ?? account;
}

/** The account an actor URI names, ours or one stored; nothing is fetched. */
async function knownAccountByUri(
  ctx: Ctx,
  url: URL,
): Promise<AccountRow | null> {
  const parsed = ctx.parseUri(url);
  if (parsed?.type === "actor") {
    return await findAccountByUsername(ctx.data.sql, parsed.identifier, null);
  }
  return await findAccountByUri(ctx.data.sql, url.href);
}

/**
 * The account for an actor URI: ours when the URI is local, the stored one when fresh, else
 * fetched and stored. Null when it can't be fetched or isn't an actor.
 */
export async function resolveActorUri(
  ctx: Ctx,
  uri: string | URL,
  options: { refresh?: boolean } = {},
): Promise<AccountRow | null> {
  const url = new URL(uri);
  const parsed = ctx.parseUri(url);
  if (parsed?.type === "actor") {
    return await findAccountByUsername(ctx.data.sql, parsed.identifier, null);
  }
  if (url.origin === new URL(ctx.data.config.origin).origin) return null;
  const known = await findAccountByUri(ctx.data.sql, url.href);
  if (known && !options.refresh && !isStale(known)) return known;
  const object = await fetchObject(ctx, url);
  if (!isActor(object) || object.id?.href !== url.href) return known;
  return await persistActor(ctx, object) ?? known;
}

/** Splits `@user@host`, `user@host` or `acct:user@host`; null for anything else. */
export function parseHandle(
  query: string,
): { username: string; host: string } | null {
  const match = /^(?:acct:)?@?([^@\s/]+)@([^@\s/]+)$/i.exec(query.trim());
  return match ? { username: match[1], host: normalizeDomain(match[2]) } : null;
}

/** The account for `@user@host`, by WebFinger when not known (or stale). */
export async function resolveHandle(
  ctx: Ctx,
  query: string,
  options: { refresh?: boolean } = {},
): Promise<AccountRow | null> {
  const handle = parseHandle(query);
  if (!handle) return null;
  const { config, sql } = ctx.data;
  if (handle.host === normalizeDomain(config.host)) {
    return await findAccountByUsername(sql, handle.username, null);
  }
  const known = await findAccountByUsername(sql, handle.username, handle.host);
  if (known && !options.refresh && !isStale(known)) return known;
  const actorUri = await webFingerActorId(
    handle.username,
    handle.host,
    config,
  );
  if (!actorUri) return known;
  return await resolveActorUri(ctx, actorUri, { refresh: true }) ?? known;
}
