/**
 * Browser sessions. Signing in creates a session and an access token of the built-in web
 * application; the web UI's islands call the Mastodon API with that token, as Mastodon's own web
 * UI does, so the API never trusts a cookie alone. The token is derived from the session secret
 * (HMAC under the server key), so the database keeps only hashes of both.
 */
import type { Queryable, Sql } from "../db/client.ts";
import type { Effects } from "./effects.ts";
import * as sessions from "../db/sessions.ts";
import * as oauth from "../db/oauth.ts";
import type { LocalLogin } from "./accounts.ts";
import { hashToken, randomToken, type SecretKey } from "./secrets.ts";

export const WEB_APP_CLIENT_ID = "starling-web";
/**
 * What a page's token may do: what its islands call (timelines, notifications and their stream,
 * posting, interactions, follows) — not `push`, which they never use.
 */
export const WEB_APP_SCOPES = "read write follow";

export interface WebSession extends LocalLogin {
  sessionId: string;
  /** The access token the page hands to its islands. */
  accessToken: string;
}

/** The built-in web application, created on first use. */
export async function webApplication(
  db: Queryable,
): Promise<oauth.ApplicationRow> {
  const found = await oauth.findApplicationByClientId(db, WEB_APP_CLIENT_ID);
  if (found) return found;
  await db`
    INSERT INTO oauth_applications (name, website, redirect_uris, scopes, client_id, client_secret_hash)
    VALUES ('Web', NULL, '{}', ${WEB_APP_SCOPES}, ${WEB_APP_CLIENT_ID}, ${await hashToken(
    randomToken(),
  )})
    ON CONFLICT (client_id) DO NOTHING`;
  return (await oauth.findApplicationByClientId(db, WEB_APP_CLIENT_ID))!;
}

function webAccessToken(
  secret: SecretKey,
  sessionSecret: string,
): Promise<string> {
  return secret.sign(`web-access-token:${sessionSecret}`);
}

/** Starts a session for a signed-in user; returns the cookie value. */
export async function startWebSession(
  sql: Sql,
  secret: SecretKey,
  userId: string,
  client: { userAgent?: string | null; ip?: string | null },
): Promise<string> {
  const sessionSecret = randomToken();
  const accessToken = await webAccessToken(secret, sessionSecret);
  const app = await webApplication(sql);
  await sql.begin(async (tx) => {
    const token = await oauth.insertToken(tx, {
      application_id: app.id,
      user_id: userId,
      token_hash: await hashToken(accessToken),
      scopes: WEB_APP_SCOPES,
    });
    await sessions.insertWebSession(tx, {
      session_hash: await hashToken(sessionSecret),
      user_id: userId,
      token_id: token.id,
      user_agent: client.userAgent?.slice(0, 500) ?? null,
      ip: client.ip ?? null,
    });
  });
  return sessionSecret;
}

/** Resolves a session cookie to its user, or null when it is unknown, ended or its user can't sign in. */
export async function resumeWebSession(
  sql: Queryable,
  secret: SecretKey,
  sessionSecret: string,
): Promise<WebSession | null> {
  const found = await sessions.findWebSessionOwner(
    sql,
    await hashToken(sessionSecret),
  );
  if (!found) return null;
  const { session, user, account } = found;
  // A suspended user keeps a session that reaches only their account status
  // (lib/web/limited-session.ts); a disabled or unapproved one has none.
  if (user.disabled || !user.approved) return null;
  return {
    sessionId: session.id,
    user,
    account,
    accessToken: await webAccessToken(secret, sessionSecret),
  };
}

/** Ends a session and revokes its web token (and, with `effects`, the token's streams). */
export async function endWebSession(
  sql: Sql,
  sessionId: string,
  effects?: Effects,
): Promise<void> {
  await sql.begin(async (tx) => {
    const session = await sessions.deleteWebSession(tx, sessionId);
    if (session?.token_id) {
      await oauth.revokeToken(tx, session.token_id);
      await effects?.record(tx, {
        type: "token.revoked",
        tokenIds: [session.token_id],
      });
    }
  });
}
