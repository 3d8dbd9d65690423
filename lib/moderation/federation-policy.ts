/**
 * THE federation gate (issue 16): which remote domains Starling federates with, and how.
 *
 * - A domain block (Mastodon's DomainBlock) applies to its domain and every subdomain; the most
 *   specific block wins. `suspend`: nothing is accepted from the domain and nothing is sent or
 *   fetched there. `silence`: its accounts are limited. `noop`: only the flags apply.
 *   `reject_media`: its media are neither fetched nor shown; `reject_reports`: its Flags are
 *   ignored.
 * - With `LIMITED_FEDERATION=true` (allowlist mode) only allowed domains (and their subdomains)
 *   federate at all; every other one is treated as suspended.
 * - A remote account we suspended (account actions) is refused like a suspended domain, per
 *   actor; one its own server marked suspended is not, so that server's `Update` lifting the
 *   mark gets through.
 *
 * Each process keeps the rules in memory per database (`Sql`): every asynchronous check first
 * reads the one-row version (bumped by a trigger on any change, migration 0013) and reloads when
 * it moved, so a block applies to the next check in every process, including activities that
 * were already queued when it was added. The synchronous check (`cachedPolicy`) serves the last
 * gate in front of a delivery's connection, refreshed by the queue listener before each message.
 */
import type { Queryable, Sql } from "../db/client.ts";
import { normalizeDomain as normalizeText } from "../text/domain.ts";
import {
  allDomainAllows,
  allDomainBlocks,
  type DomainBlockRow,
  isRemoteAccountSuspended,
  policyVersion,
} from "./federation-policy-db.ts";

export interface PolicyDeps {
  sql: Sql;
  config: { host: string; limitedFederation?: boolean };
}

/** The rules as loaded at one version. */
export class FederationPolicy {
  constructor(
    readonly version: string,
    private readonly blocks: Map<string, DomainBlockRow>,
    private readonly allows: Set<string>,
    private readonly ownHost: string,
    readonly limited: boolean,
  ) {}

  /** The block that applies to `host` (a host name, with or without port): the most specific. */
  blockFor(host: string): DomainBlockRow | null {
    for (const candidate of candidatesOf(host)) {
      const block = this.blocks.get(candidate);
      if (block) return block;
    }
    return null;
  }

  /** Whether `host` is on the allowlist (allowlist mode); our own host always is. */
  isAllowed(host: string): boolean {
    if (normalizeHost(host) === this.ownHost) return true;
    return candidatesOf(host).some((candidate) => this.allows.has(candidate));
  }

  /** Whether nothing may pass between us and `host`: suspended, or not allowed. */
  isRefused(host: string): boolean {
    if (normalizeHost(host) === this.ownHost) return false;
    if (this.limited && !this.isAllowed(host)) return true;
    return this.blockFor(host)?.severity === "suspend";
  }

  isSilenced(host: string): boolean {
    return this.blockFor(host)?.severity === "silence";
  }

  rejectsMedia(host: string): boolean {
    return this.isRefused(host) || (this.blockFor(host)?.reject_media ?? false);
  }

  rejectsReports(host: string): boolean {
    return this.isRefused(host) ||
      (this.blockFor(host)?.reject_reports ?? false);
  }

  /** Whether a URL's host is refused (not a URL: refused). */
  refusesUrl(url: string | URL): boolean {
    try {
      return this.isRefused(new URL(url).host);
    } catch {
      return true;
    }
  }
}

/**
 * The host forms a rule may name, most specific first: `a.example.com:8443`, then
 * `a.example.com`, `example.com`, `com`. IP literals only match themselves.
 */
export function candidatesOf(host: string): string[] {
  const normalized = normalizeHost(host);
  const out = [normalized];
  const hostname = normalized.replace(/:\d+$/, "");
  if (hostname !== normalized) out.push(hostname);
  if (/^[\d.]+$/.test(hostname) || hostname.startsWith("[")) return out;
  const labels = hostname.split(".");
  for (let i = 1; i < labels.length; i++) out.push(labels.slice(i).join("."));
  return out;
}

/** Lowercase, punycode, no trailing dot; keeps a port (lib/text/domain.ts). */
export function normalizeHost(host: string): string {
  return normalizeText(host);
}

/**
 * A domain as an operator typed it (`Example.COM`, `https://example.com/`, `*.example.com`)
 * as stored; null when it is no domain.
 */
export function normalizeDomain(input: string): string | null {
  let text = input.trim().toLowerCase().replace(/^\*\./, "");
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `https://${text}`;
  try {
    const url = new URL(text);
    if (url.pathname !== "/" || url.search || url.username) return null;
    const host = normalizeHost(url.host);
    return /^[a-z0-9.:[\]-]+$/.test(host) && !host.startsWith(".")
      ? host
      : null;
  } catch {
    return null;
  }
}

const CACHE = new WeakMap<Sql, FederationPolicy>();

/** The current rules: the cached ones if the version has not moved, else reloaded. */
export async function federationPolicy(
  deps: PolicyDeps,
): Promise<FederationPolicy> {
  const version = await policyVersion(deps.sql);
  const cached = CACHE.get(deps.sql);
  if (cached && cached.version === version) return cached;
  const loaded = await loadPolicy(deps.sql, deps.config, version);
  CACHE.set(deps.sql, loaded);
  return loaded;
}

async function loadPolicy(
  db: Queryable,
  config: PolicyDeps["config"],
  version: string,
): Promise<FederationPolicy> {
  const [blocks, allows] = await Promise.all([
    allDomainBlocks(db),
    allDomainAllows(db),
  ]);
  return new FederationPolicy(
    version,
    new Map(blocks.map((block) => [block.domain, block])),
    new Set(allows.map((allow) => allow.domain)),
    normalizeHost(config.host),
    config.limitedFederation ?? false,
  );
}

/** The rules as last loaded in this process (for synchronous gates); null before any check. */
export function cachedPolicy(deps: Pick<PolicyDeps, "sql">) {
  return CACHE.get(deps.sql) ?? null;
}

/**
 * Whether an activity by `actorUri` (signed with `keyId`, when known) must be refused: its
 * domain (or the key's) is suspended or not allowed, or the actor's account is suspended.
 */
export async function refusesActor(
  deps: PolicyDeps,
  actorUri: string | null,
  keyId: string | null = null,
): Promise<boolean> {
  const policy = await federationPolicy(deps);
  for (const url of [actorUri, keyId]) {
    if (url && policy.refusesUrl(url)) return true;
  }
  if (!actorUri) return false;
  return await isRemoteAccountSuspended(deps.sql, actorUri);
}
