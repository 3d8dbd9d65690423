/**
 * OAuth on the wire: the Application and Token entities, RFC 6749 error bodies, client
 * credentials from the body or HTTP Basic auth, and the RFC 8414 server metadata that tells
 * clients PKCE S256 is supported.
 */
import type { ApplicationRow, TokenRow } from "../db/oauth.ts";
import { OAuthError } from "../domain/oauth.ts";
import { json } from "./errors.ts";
import type { Params } from "./params.ts";

export const SUPPORTED_SCOPES = [
  "read",
  "write",
  "follow",
  "push",
  "profile",
  "read:accounts",
  "read:blocks",
  "read:bookmarks",
  "read:favourites",
  "read:filters",
  "read:follows",
  "read:lists",
  "read:mutes",
  "read:notifications",
  "read:search",
  "read:statuses",
  "write:accounts",
  "write:blocks",
  "write:bookmarks",
  "write:conversations",
  "write:favourites",
  "write:filters",
  "write:follows",
  "write:lists",
  "write:media",
  "write:mutes",
  "write:notifications",
  "write:reports",
  "write:statuses",
]; // deno-fmt-ignore

/** `Application` as `GET /api/v1/apps/verify_credentials` shows it (no secret). */
export function applicationJson(app: ApplicationRow, vapidKey: string) {
  return {
    id: app.id,
    name: app.name,
    website: app.website,
    scopes: app.scopes.split(/\s+/).filter(Boolean),
    redirect_uri: app.redirect_uris.join("\n"),
    redirect_uris: app.redirect_uris,
    vapid_key: vapidKey,
  };
}

/** `CredentialApplication`: the app with its client id and secret, at registration only. */
export function credentialApplicationJson(
  app: ApplicationRow,
  clientSecret: string,
  vapidKey: string,
) {
  return {
    ...applicationJson(app, vapidKey),
    client_id: app.client_id,
    client_secret: clientSecret,
    client_secret_expires_at: 0,
  };
}

export function tokenJson(accessToken: string, row: TokenRow) {
  return {
    access_token: accessToken,
    token_type: "Bearer",
    scope: row.scopes,
    created_at: Math.floor(row.created_at.getTime() / 1000),
  };
}

export function oauthErrorResponse(error: OAuthError): Response {
  return json(
    { error: error.code, error_description: error.description },
    {
      status: error.status,
      headers: error.status === 401
        ? { "www-authenticate": 'Basic realm="Starling"' }
        : {},
    },
  );
}

/** client_id and client_secret from the body, or from `Authorization: Basic` (RFC 6749 §2.3.1). */
export function clientCredentials(
  req: Request,
  params: Params,
): { clientId?: string; clientSecret?: string } {
  const header = req.headers.get("authorization");
  const match = header && /^Basic\s+(\S+)$/i.exec(header);
  if (match) {
    try {
      const decoded = atob(match[1]);
      const colon = decoded.indexOf(":");
      if (colon > 0) {
        return {
          clientId: decodeURIComponent(decoded.slice(0, colon)),
          clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
        };
      }
    } catch {
      throw new OAuthError(
        "invalid_client",
        "The Basic authorization header is malformed.",
      );
    }
  }
  return {
    clientId: params.string("client_id"),
    clientSecret: params.string("client_secret"),
  };
}

/** RFC 8414 metadata, as Mastodon publishes it at `/.well-known/oauth-authorization-server`. */
export function authorizationServerMetadata(origin: string) {
  return {
    issuer: `${origin}/`,
    service_documentation: "https://docs.joinmastodon.org/",
    authorization_endpoint: `${origin}/oauth/authorize`,
    token_endpoint: `${origin}/oauth/token`,
    app_registration_endpoint: `${origin}/api/v1/apps`,
    revocation_endpoint: `${origin}/oauth/revoke`,
    userinfo_endpoint: `${origin}/oauth/userinfo`,
    scopes_supported: SUPPORTED_SCOPES,
    response_types_supported: ["code"],
    response_modes_supported: ["query", "fragment", "form_post"],
    code_challenge_methods_supported: ["S256"],
    grant_types_supported: ["authorization_code", "client_credentials"],
    token_endpoint_auth_methods_supported: [
      "client_secret_basic",
      "client_secret_post",
    ],
  };
}
