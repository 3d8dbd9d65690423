/**
 * OAuth 2 as Mastodon runs it (Doorkeeper): apps registered by anyone, authorization codes bound
 * to the app, the exact redirect URI and a PKCE S256 challenge; client-credentials tokens for
 * app-only calls; revocation. Secrets, codes and tokens are handed out once and stored hashed.
 */
import type { Queryable, Sql } from "../db/client.ts";
import * as db from "../db/oauth.ts";
import type { ApplicationRow, TokenRow } from "../db/oauth.ts";
import { encodeBase64Url } from "./base64.ts";
import { invalid } from "./errors.ts";
import type { Effects } from "./effects.ts";
import { hashToken, randomToken, safeEqual } from "./secrets.ts";

/** The redirect URI that asks the server to show the code instead of redirecting. */
export const OOB_REDIRECT_URI = "urn:ietf:wg:oauth:2.0:oob";
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

const TOP_SCOPES = new Set([
  "read",
  "write",
  "follow",
  "push",
  "profile",
  "admin:read",
  "admin:write",
]);
const GRANULAR_SCOPE = /^(read|write):[a-z_]+$/;

/** The admin API's granular scopes, exactly Mastodon's (config/initializers/doorkeeper.rb). */
const ADMIN_SCOPE_FAMILIES = [
  "accounts",
  "reports",
  "domain_allows",
  "domain_blocks",
  "ip_blocks",
  "email_domain_blocks",
  "canonical_email_blocks",
];
export const ADMIN_SCOPES: ReadonlySet<string> = new Set(
  ["admin:read", "admin:write"].flatMap((parent) =>
    ADMIN_SCOPE_FAMILIES.map((family) => `${parent}:${family}`)
  ),
);

/** A refusal on the OAuth endpoints, in RFC 6749's terms (`invalid_grant`, …). */
export class OAuthError extends Error {
  constructor(
    readonly code:
      | "invalid_request"
      | "invalid_client"
      | "invalid_grant"
      | "unauthorized_client"
      | "unsupported_grant_type"
      | "invalid_scope"
      | "unsupported_response_type"
      | "access_denied",
    readonly description: string,
    readonly status = code === "invalid_client" ? 401 : 400,
  ) {
    super(description);
    this.name = "OAuthError";
  }
}

/** Splits a scope string (spaces, or `+` from query strings); defaults to `read` as Mastodon. */
export function splitScopes(value: string | undefined | null): string[] {
  const scopes = (value ?? "").split(/[\s+]+/).filter(Boolean);
  return scopes.length ? [...new Set(scopes)] : ["read"];
}

export function isKnownScope(scope: string): boolean {
  return TOP_SCOPES.has(scope) || GRANULAR_SCOPE.test(scope) ||
    ADMIN_SCOPES.has(scope);
}

/** True when an app registered with `registered` may ask for `scope`. */
function appAllowsScope(registered: string[], scope: string): boolean {
  return registered.some((r) => r === scope || scope.startsWith(`${r}:`));
}

/** Absolute URI without fragment (custom schemes allowed), or the out-of-band URN. */
export function redirectUriProblem(uri: string): string | null {
  if (uri === OOB_REDIRECT_URI) return null;
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return "Redirect URI must be an absolute URI.";
  }
  if (parsed.hash) return "Redirect URI cannot contain a fragment.";
  if (
    ["javascript:", "data:", "vbscript:", "file:"].includes(parsed.protocol)
  ) {
    return "Redirect URI is not allowed.";
  }
  return null;
}

export interface NewApplication {
  name: string;
  redirectUris: string[];
  scopes?: string;
  website?: string | null;
}

/** Registers an app; the plain client secret is returned here and never again. */
export async function registerApplication(
  sql: Queryable,
  input: NewApplication,
): Promise<{ app: ApplicationRow; clientSecret: string }> {
  const name = input.name.trim();
  if (!name) throw invalid("Name can't be blank", "name");
  if (name.length > 60) {
    throw invalid("Name is too long (maximum is 60 characters)", "name");
  }
  const redirectUris = input.redirectUris.map((u) => u.trim()).filter(Boolean);
  if (redirectUris.length === 0) {
    throw invalid("Redirect URI can't be blank", "redirect_uris");
  }
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw invalid(problem, "redirect_uris");
  }
  const scopes = splitScopes(input.scopes);
  const unknown = scopes.find((s) => !isKnownScope(s));
  if (unknown) {
    throw invalid(
      `Scopes doesn't match configured on the server (${unknown})`,
      "scopes",
    );
  }
  let website = input.website?.trim() || null;
  if (website) {
    try {
      if (!/^https?:$/.test(new URL(website).protocol)) throw new Error();
    } catch {
      website = null; // Mastodon rejects; apps send odd values, so drop it rather than fail.
    }
  }
  const clientSecret = randomToken();
  const app = await db.insertApplication(sql, {
    name,
    website,
    redirect_uris: [...new Set(redirectUris)],
    scopes: scopes.join(" "),
    client_id: randomToken(),
    client_secret_hash: await hashToken(clientSecret),
  });
  return { app, clientSecret };
}

/** Looks up an app by its client id, checking the secret when one is required. */
export async function authenticateClient(
  sql: Queryable,
  clientId: string | undefined,
  clientSecret: string | undefined,
  options: { secretRequired: boolean },
): Promise<ApplicationRow> {
  const app = clientId
    ? await db.findApplicationByClientId(sql, clientId)
    : null;
  const invalidClient = new OAuthError(
    "invalid_client",
    "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
  );
  if (!app) throw invalidClient;
  if (clientSecret !== undefined || options.secretRequired) {
    if (
      !clientSecret ||
      !safeEqual(await hashToken(clientSecret), app.client_secret_hash)
    ) {
      throw invalidClient;
    }
  }
  return app;
}

export interface AuthorizationRequest {
  app: ApplicationRow;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
}

/**
 * Checks the parameters of `GET /oauth/authorize` before anything is shown. Errors that can't be
 * sent back to the client (unknown client, foreign redirect URI) must be shown to the user.
 */
export async function checkAuthorizationRequest(
  sql: Queryable,
  params: {
    clientId?: string;
    redirectUri?: string;
    responseType?: string;
    scope?: string;
    state?: string;
    codeChallenge?: string;
    codeChallengeMethod?: string;
  },
): Promise<AuthorizationRequest> {
  const app = params.clientId
    ? await db.findApplicationByClientId(sql, params.clientId)
    : null;
  if (!app) throw new OAuthError("invalid_client", "The client is unknown.");
  const redirectUri = params.redirectUri ??
    (app.redirect_uris.length === 1 ? app.redirect_uris[0] : "");
  if (!app.redirect_uris.includes(redirectUri)) {
    throw new OAuthError(
      "invalid_request",
      "The redirect URI included is not valid.",
    );
  }
  if (params.responseType !== "code") {
    throw new OAuthError(
      "unsupported_response_type",
      "The authorization server does not support this response type.",
    );
  }
  const scopes = checkScopes(app, params.scope);
  let codeChallenge: string | null = null;
  let codeChallengeMethod: string | null = null;
  if (params.codeChallenge) {
    codeChallengeMethod = params.codeChallengeMethod || "plain";
    if (codeChallengeMethod !== "S256") {
      throw new OAuthError(
        "invalid_request",
        "Only the S256 code challenge method is supported.",
      );
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(params.codeChallenge)) {
      throw new OAuthError(
        "invalid_request",
        "The code challenge is malformed.",
      );
    }
    codeChallenge = params.codeChallenge;
  }
  return {
    app,
    redirectUri,
    scopes,
    state: params.state ?? null,
    codeChallenge,
    codeChallengeMethod,
  };
}

function checkScopes(
  app: ApplicationRow,
  requested: string | undefined,
): string[] {
  const registered = app.scopes.split(/\s+/).filter(Boolean);
  const scopes = splitScopes(requested);
  if (!scopes.every((s) => isKnownScope(s) && appAllowsScope(registered, s))) {
    throw new OAuthError(
      "invalid_scope",
      "The requested scope is invalid, unknown, or malformed.",
    );
  }
  return scopes;
}

/** The user approved: a single-use code, valid ten minutes. */
export async function issueAuthorizationCode(
  sql: Queryable,
  request: AuthorizationRequest,
  userId: string,
): Promise<string> {
  const code = randomToken();
  await db.insertGrant(sql, {
    application_id: request.app.id,
    user_id: userId,
    code_hash: await hashToken(code),
    redirect_uri: request.redirectUri,
    scopes: request.scopes.join(" "),
    code_challenge: request.codeChallenge,
    code_challenge_method: request.codeChallengeMethod,
    expires_at: new Date(Date.now() + CODE_LIFETIME_MS),
  });
  return code;
}

export interface IssuedToken {
  accessToken: string;
  row: TokenRow;
}

async function issueToken(
  db_: Queryable,
  applicationId: string | null,
  userId: string | null,
  scopes: string,
): Promise<IssuedToken> {
  const accessToken = randomToken();
  const row = await db.insertToken(db_, {
    application_id: applicationId,
    user_id: userId,
    token_hash: await hashToken(accessToken),
    scopes,
  });
  return { accessToken, row };
}

/** `grant_type=authorization_code`: the code, the same redirect URI, and the PKCE verifier. */
export async function exchangeAuthorizationCode(
  sql: Sql,
  app: ApplicationRow,
  params: { code?: string; redirectUri?: string; codeVerifier?: string },
): Promise<IssuedToken> {
  const invalidGrant = new OAuthError(
    "invalid_grant",
    "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
  );
  if (!params.code) {
    throw new OAuthError("invalid_request", "The code parameter is missing.");
  }
  const codeHash = await hashToken(params.code);
  return await sql.begin(async (tx) => {
    // Consumed first: a wrong verifier or redirect URI burns the code, as RFC 6749 §10.5 wants.
    const grant = await db.consumeGrant(tx, codeHash, app.id);
    if (!grant) throw invalidGrant;
    if (
      params.redirectUri !== undefined &&
      params.redirectUri !== grant.redirect_uri
    ) throw invalidGrant;
    if (params.redirectUri === undefined && app.redirect_uris.length !== 1) {
      throw invalidGrant;
    }
    if (grant.code_challenge) {
      if (
        !params.codeVerifier ||
        !(await pkceMatches(params.codeVerifier, grant.code_challenge))
      ) {
        throw invalidGrant;
      }
    } else if (params.codeVerifier !== undefined) {
      // No challenge was made, so a verifier proves nothing — and the token endpoint lets a
      // verifier stand in for the client secret: refuse (PKCE downgrade, RFC 9700 §2.1.1).
      throw invalidGrant;
    }
    return await issueToken(tx, app.id, grant.user_id, grant.scopes);
  }).catch(async (error) => {
    // The transaction rolled back; burn the code anyway so it can't be retried.
    if (error instanceof OAuthError) await burnCode(sql, codeHash, app.id);
    throw error;
  });
}

async function burnCode(
  sql: Sql,
  codeHash: string,
  applicationId: string,
): Promise<void> {
  await db.consumeGrant(sql, codeHash, applicationId).catch(() => {});
}

async function pkceMatches(
  verifier: string,
  challenge: string,
): Promise<boolean> {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(verifier),
  );
  return safeEqual(encodeBase64Url(new Uint8Array(digest)), challenge);
}

/** `grant_type=client_credentials`: an app-only token. */
export async function issueClientToken(
  sql: Queryable,
  app: ApplicationRow,
  scope: string | undefined,
): Promise<IssuedToken> {
  return await issueToken(sql, app.id, null, checkScopes(app, scope).join(" "));
}

/** A user token issued directly (registration through the API returns one). */
export async function issueUserToken(
  sql: Queryable,
  applicationId: string,
  userId: string,
  scopes: string,
): Promise<IssuedToken> {
  return await issueToken(sql, applicationId, userId, scopes);
}

/**
 * RFC 7009: revoking an unknown or foreign token succeeds silently. With `effects`, a revoked
 * token's open streams are ended (`token.revoked`).
 */
export async function revokeAccessToken(
  sql: Sql,
  app: ApplicationRow,
  token: string | undefined,
  effects?: Effects,
): Promise<void> {
  if (!token) {
    throw new OAuthError("invalid_request", "The token parameter is missing.");
  }
  const hash = await hashToken(token);
  await sql.begin(async (tx) => {
    const row = await db.findActiveTokenByHash(tx, hash);
    if (await db.revokeTokenByHash(tx, hash, app.id) && row) {
      await effects?.record(tx, { type: "token.revoked", tokenIds: [row.id] });
    }
  });
}

export function findApplication(
  sql: Queryable,
  id: string,
): Promise<ApplicationRow | null> {
  return db.findApplicationById(sql, id);
}
