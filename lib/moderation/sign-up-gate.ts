/**
 * THE sign-up gate (issue 16): whether an address (network and e-mail) may sign up, as
 * Mastodon's RegistrationHelper, BlacklistedEmailValidator, EmailMxValidator and
 * `User#requires_approval?` decide it.
 *
 * - An unexpired IP block `sign_up_block` (or `no_access`) holding the client's address: refused
 *   (403), even with an invite. `sign_up_requires_approval`: the account waits for a moderator
 *   whatever the registrations mode, even with an invite.
 * - An e-mail domain block on the address's domain or a parent of it, or on the host (or a
 *   parent of it) that receives the domain's mail (MX): refused (422 on `email`), and counted in
 *   the block's history. A canonical e-mail block on the address: refused as "taken" (Mastodon
 *   does not tell the person that the address is blocked). A valid invite skips both.
 *
 * The MX lookup fails open and quickly: no DNS (this host has no network, a resolver that
 * hangs) means no MX hosts, never a hung or refused sign-up.
 */
import type { Sql } from "../db/client.ts";
import { forbidden, invalid } from "../domain/errors.ts";
import { candidatesOf } from "./federation-policy.ts";
import { normalizeHost } from "./federation-policy.ts";
import * as db from "./sign-up-blocks-db.ts";
import { canonicalEmailHash } from "./canonical-email.ts";

/** The mail exchangers of a domain (host names); [] when unknown. Must not throw. */
export type MxResolver = (domain: string) => Promise<string[]>;

/** How long the system resolver may take before a sign-up goes on without MX hosts. */
const MX_TIMEOUT_MS = 1500;

export async function systemMxResolver(domain: string): Promise<string[]> {
  try {
    const records = await Deno.resolveDns(domain, "MX", {
      signal: AbortSignal.timeout(MX_TIMEOUT_MS),
    });
    return records.map((r) => r.exchange);
  } catch {
    return [];
  }
}

export interface GateDeps {
  sql: Sql;
  resolveMx: MxResolver;
}

export interface SignUpAttempt {
  email: string;
  /** The client's address (TRUSTED_PROXIES applied); null when unknown (the CLI). */
  ip: string | null;
  /** Signing up with a usable invite. */
  invited: boolean;
}

/** Throws the refusal; otherwise says whether the new account must wait for approval. */
export async function checkSignUp(
  deps: GateDeps,
  attempt: SignUpAttempt,
): Promise<{ approvalRequired: boolean }> {
  const ip = attempt.ip && isAddress(attempt.ip) ? attempt.ip : null;
  const severities = ip ? await db.severitiesFor(deps.sql, ip) : [];
  if (
    severities.includes("sign_up_block") || severities.includes("no_access")
  ) {
    throw forbidden("Sign-ups from your network are not allowed");
  }
  if (!attempt.invited) {
    const block = await emailDomainBlockFor(deps, attempt.email);
    if (block) {
      await db.recordRefusedAttempt(deps.sql, block.id, ip);
      throw invalid("Email uses a disallowed e-mail provider", "email");
    }
    const hash = await canonicalEmailHash(attempt.email);
    if (await db.findCanonicalEmailBlock(deps.sql, { hash })) {
      throw invalid("Email has already been taken", "email");
    }
  }
  return { approvalRequired: severities.includes("sign_up_requires_approval") };
}

/** The e-mail domain block that refuses `email`, checking its domain and then its MX hosts. */
export async function emailDomainBlockFor(
  deps: GateDeps,
  email: string,
): Promise<db.EmailDomainBlockRow | null> {
  const domain = domainOf(email);
  if (!domain) return null;
  const own = await db.emailDomainBlockAmong(deps.sql, candidatesOf(domain));
  if (own) return own;
  const exchanges = await withinMxTimeout(deps.resolveMx(domain));
  const hosts = exchanges
    .map((host) => normalizeHost(host.replace(/\.$/, "")))
    .filter((host) => host && host !== domain);
  return await db.emailDomainBlockAmong(
    deps.sql,
    [...new Set(hosts.flatMap(candidatesOf))],
  );
}

/** Any resolver's answer, or none after MX_TIMEOUT_MS or on an error: never a hung sign-up. */
async function withinMxTimeout(lookup: Promise<string[]>): Promise<string[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), MX_TIMEOUT_MS);
  });
  try {
    return await Promise.race([lookup.catch(() => []), late]);
  } finally {
    clearTimeout(timer);
  }
}

function domainOf(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  try {
    return normalizeHost(email.slice(at + 1).trim()) || null;
  } catch {
    return null;
  }
}

/**
 * An IPv4 or IPv6 address as text (what Postgres's inet reads), not a host name nor junk a proxy
 * forwarded: a cast error must never turn a request into a 500.
 */
export function isAddress(text: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    return text.split(".").every((octet) => Number(octet) <= 255);
  }
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(":")) return false;
  // The URL parser knows IPv6's forms (`::`, embedded IPv4) and refuses the rest.
  return URL.canParse(`http://[${text}]/`);
}

/** Whether an IP block makes sign-ups from `ip` wait for approval (what the form says first). */
export async function signUpNeedsApproval(
  sql: Sql,
  ip: string | null,
): Promise<boolean> {
  if (!ip || !isAddress(ip)) return false;
  return (await db.severitiesFor(sql, ip)).includes(
    "sign_up_requires_approval",
  );
}
