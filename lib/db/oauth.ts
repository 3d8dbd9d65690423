/** SQL for OAuth applications, authorization codes and access tokens (secrets stored hashed). */
import type { Queryable } from "./client.ts";

export interface ApplicationRow {
  id: string;
  name: string;
  website: string | null;
  redirect_uris: string[];
  scopes: string;
  client_id: string;
  client_secret_hash: string;
  owner_user_id: string | null;
  created_at: Date;
}

export interface TokenRow {
  id: string;
  application_id: string | null;
  user_id: string | null;
  token_hash: string;
  scopes: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

export async function insertApplication(
  db: Queryable,
  app:
    & Pick<
      ApplicationRow,
      "name" | "website" | "redirect_uris" | "scopes" | "client_id"
    >
    & {
      client_secret_hash: string;
    },
): Promise<ApplicationRow> {
  const [row] = await db<ApplicationRow[]>`
    INSERT INTO oauth_applications (name, website, redirect_uris, scopes, client_id, client_secret_hash)
    VALUES (${app.name}, ${app.website}, ${app.redirect_uris}, ${app.scopes}, ${app.client_id},
            ${app.client_secret_hash})
    RETURNING *`;
  return row;
}

export async function findApplicationByClientId(
  db: Queryable,
  clientId: string,
): Promise<ApplicationRow | null> {
  const [row] = await db<ApplicationRow[]>`
    SELECT * FROM oauth_applications WHERE client_id = ${clientId}`;
  return row ?? null;
}

export async function findApplicationById(
  db: Queryable,
  id: string,
): Promise<ApplicationRow | null> {
  const [row] = await db<
    ApplicationRow[]
  >`SELECT * FROM oauth_applications WHERE id = ${id}`;
  return row ?? null;
}

export async function insertToken(
  db: Queryable,
  token: {
    application_id: string | null;
    user_id: string | null;
    token_hash: string;
    scopes: string;
  },
): Promise<TokenRow> {
  const [row] = await db<TokenRow[]>`
    INSERT INTO oauth_tokens (application_id, user_id, token_hash, scopes)
    VALUES (${token.application_id}, ${token.user_id}, ${token.token_hash}, ${token.scopes})
    RETURNING *`;
  return row;
}

export async function findActiveTokenByHash(
  db: Queryable,
  hash: string,
): Promise<TokenRow | null> {
  const [row] = await db<TokenRow[]>`
    SELECT * FROM oauth_tokens WHERE token_hash = ${hash} AND revoked_at IS NULL`;
  return row ?? null;
}

export async function revokeToken(
  db: Queryable,
  tokenId: string,
): Promise<void> {
  await db`UPDATE oauth_tokens SET revoked_at = now() WHERE id = ${tokenId} AND revoked_at IS NULL`;
}

// --- Authorization codes (grants), token look-ups and revocation, for the OAuth endpoints. ---

export interface GrantRow {
  id: string;
  application_id: string;
  user_id: string;
  code_hash: string;
  redirect_uri: string;
  scopes: string;
  code_challenge: string | null;
  code_challenge_method: string | null;
  expires_at: Date;
  used_at: Date | null;
  created_at: Date;
}

export async function insertGrant(
  db: Queryable,
  grant: Pick<
    GrantRow,
    | "application_id"
    | "user_id"
    | "code_hash"
    | "redirect_uri"
    | "scopes"
    | "code_challenge"
    | "code_challenge_method"
    | "expires_at"
  >,
): Promise<GrantRow> {
  const [row] = await db<GrantRow[]>`
    INSERT INTO oauth_grants (application_id, user_id, code_hash, redirect_uri, scopes,
                              code_challenge, code_challenge_method, expires_at)
    VALUES (${grant.application_id}, ${grant.user_id}, ${grant.code_hash}, ${grant.redirect_uri},
            ${grant.scopes}, ${grant.code_challenge}, ${grant.code_challenge_method},
            ${grant.expires_at})
    RETURNING *`;
  return row;
}

/**
 * Marks an unexpired, unused code of `applicationId` used and returns it, in one statement, so
 * two racing exchanges of one code can't both succeed. Null when there is no such usable code.
 */
export async function consumeGrant(
  db: Queryable,
  codeHash: string,
  applicationId: string,
): Promise<GrantRow | null> {
  const [row] = await db<GrantRow[]>`
    UPDATE oauth_grants SET used_at = now()
    WHERE code_hash = ${codeHash} AND application_id = ${applicationId}
      AND used_at IS NULL AND expires_at > now()
    RETURNING *`;
  return row ?? null;
}

/** Revokes a token by its hash, only when it belongs to `applicationId`. True when one was. */
export async function revokeTokenByHash(
  db: Queryable,
  hash: string,
  applicationId: string,
): Promise<boolean> {
  const result = await db`
    UPDATE oauth_tokens SET revoked_at = now()
    WHERE token_hash = ${hash} AND application_id = ${applicationId} AND revoked_at IS NULL`;
  return result.count > 0;
}

// --- Apps a user has authorized (settings page): their live tokens grouped by app. ---

export interface AuthorizedApplicationRow {
  id: string;
  name: string;
  website: string | null;
  /** The scopes of the user's live tokens for the app, space-separated, possibly repeated. */
  scopes: string;
  authorized_at: Date;
  last_used_at: Date | null;
}

/** Apps holding at least one unrevoked token of the user, newest first, except `exceptClientId`. */
export async function listAuthorizedApplications(
  db: Queryable,
  userId: string,
  exceptClientId: string,
): Promise<AuthorizedApplicationRow[]> {
  return await db<AuthorizedApplicationRow[]>`
    SELECT a.id, a.name, a.website, string_agg(DISTINCT t.scopes, ' ') AS scopes,
           min(t.created_at) AS authorized_at, max(t.last_used_at) AS last_used_at
    FROM oauth_tokens t JOIN oauth_applications a ON a.id = t.application_id
    WHERE t.user_id = ${userId} AND t.revoked_at IS NULL AND a.client_id <> ${exceptClientId}
    GROUP BY a.id
    ORDER BY min(t.created_at) DESC, a.id DESC`;
}

/**
 * Revokes every live token of the user for the app and burns its unused codes (so a code issued
 * just before can't mint a new token). Returns the revoked tokens' ids.
 */
export async function revokeUserApplicationTokens(
  db: Queryable,
  userId: string,
  applicationId: string,
): Promise<string[]> {
  await db`
    UPDATE oauth_grants SET used_at = now()
    WHERE user_id = ${userId} AND application_id = ${applicationId} AND used_at IS NULL`;
  const rows = await db<{ id: string }[]>`
    UPDATE oauth_tokens SET revoked_at = now()
    WHERE user_id = ${userId} AND application_id = ${applicationId} AND revoked_at IS NULL
    RETURNING id`;
  return rows.map((r) => r.id);
}
