/**
 * Who is calling the API: the bearer token (header, or `access_token` query parameter as the
 * streaming API allows) resolved to its application, scopes and user.
 */
import type { Deps } from "../deps.ts";
import { findActiveTokenOwner } from "../db/api-auth.ts";
import type { AccountRow, UserRow } from "../db/accounts.ts";
import { hashToken } from "../domain/secrets.ts";
import { ApiError, insufficientScope, unauthorized } from "./errors.ts";
import { scopeAllowsAny } from "./scopes.ts";
import { rateLimitHeaders } from "../web/rate-limit.ts";
import { recordActivity } from "../moderation/mod.ts";

export interface ApiAuth {
  tokenId: string;
  applicationId: string | null;
  scopes: string[];
  /** Absent for a client_credentials (app-only) token. */
  user: UserRow | null;
  account: AccountRow | null;
}

export function bearerToken(
  req: Request,
  url = new URL(req.url),
): string | null {
  const header = req.headers.get("authorization");
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  if (match) return match[1];
  return url.searchParams.get("access_token");
}

/** Resolves the request's token; null when none was sent; 401 when one was sent but is bad. */
export async function authenticateRequest(
  deps: Deps,
  req: Request,
): Promise<ApiAuth | null> {
  const token = bearerToken(req);
  if (!token) return null;
  const hash = await hashToken(token);
  let found = deps.tokenOwners.get(hash) ?? null;
  if (!found) {
    const generation = deps.tokenOwners.generation();
    found = await findActiveTokenOwner(deps.sql, hash);
    if (found) deps.tokenOwners.set(hash, found, generation);
  }
  if (!found) throw unauthorized();
  const { token: row, user, account } = found;
  if (row.user_id) {
    if (!user || !account) throw unauthorized();
    if (user.disabled || account.suspended_at || user.delete_after) {
      throw new ApiError(403, "Your login is currently disabled");
    }
    if (!user.approved) {
      throw new ApiError(
        403,
        "Your login is missing a confirmed e-mail address",
      );
    }
    // The per-user limits (all of a user's tokens together; media uploads) count here, where
    // the user is known without another query.
    const refused = deps.rateLimits.countUser(req, row.user_id);
    if (refused) {
      throw new ApiError(429, "Too many requests", rateLimitHeaders(refused));
    }
    await recordActivity(deps.sql, account.id);
  }
  return {
    tokenId: row.id,
    applicationId: row.application_id,
    scopes: row.scopes.split(/\s+/).filter(Boolean),
    user,
    account,
  };
}

/** A token with one of `scopes`, from any caller (app-only tokens too). */
export function requireScope(
  auth: ApiAuth | null,
  ...scopes: string[]
): ApiAuth {
  if (!auth) throw unauthorized();
  if (scopes.length && !scopeAllowsAny(auth.scopes, scopes)) {
    throw insufficientScope();
  }
  return auth;
}

/** A token belonging to a user, with one of `scopes`. 422 for app-only tokens, as Mastodon. */
export function requireUser(
  auth: ApiAuth | null,
  ...scopes: string[]
): ApiAuth & { user: UserRow; account: AccountRow } {
  const checked = requireScope(auth, ...scopes);
  if (!checked.user || !checked.account) {
    throw new ApiError(422, "This method requires an authenticated user");
  }
  return checked as ApiAuth & { user: UserRow; account: AccountRow };
}
