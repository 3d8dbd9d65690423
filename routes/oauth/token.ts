/**
 * POST /oauth/token — authorization_code (with PKCE) and client_credentials grants. The body
 * may be JSON or a form, with or without a Content-Type; client credentials in the body or in
 * Basic auth; an extra `scope` on the code grant is ignored, as Doorkeeper does.
 */
import { define } from "../../utils.ts";
import { Params } from "../../lib/mastodon/params.ts";
import { errorResponse, json } from "../../lib/mastodon/errors.ts";
import {
  clientCredentials,
  oauthErrorResponse,
  tokenJson,
} from "../../lib/mastodon/oauth.ts";
import {
  authenticateClient,
  exchangeAuthorizationCode,
  issueClientToken,
  OAuthError,
} from "../../lib/domain/oauth.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { sql } = ctx.state.deps;
    try {
      const params = await Params.from(ctx.req, ctx.url);
      const { clientId, clientSecret } = clientCredentials(ctx.req, params);
      const grantType = params.string("grant_type");
      let issued;
      if (grantType === "authorization_code") {
        // Public clients using PKCE may leave the secret out.
        const app = await authenticateClient(sql, clientId, clientSecret, {
          secretRequired: !params.string("code_verifier"),
        });
        issued = await exchangeAuthorizationCode(sql, app, {
          code: params.string("code"),
          redirectUri: params.string("redirect_uri"),
          codeVerifier: params.string("code_verifier"),
        });
      } else if (grantType === "client_credentials") {
        const app = await authenticateClient(sql, clientId, clientSecret, {
          secretRequired: true,
        });
        issued = await issueClientToken(sql, app, params.string("scope"));
      } else {
        throw new OAuthError(
          grantType ? "unsupported_grant_type" : "invalid_request",
          grantType
            ? "The authorization grant type is not supported by the authorization server."
            : "The grant_type parameter is missing.",
        );
      }
      return json(tokenJson(issued.accessToken, issued.row), {
        headers: { "cache-control": "no-store" },
      });
    } catch (error) {
      return error instanceof OAuthError
        ? oauthErrorResponse(error)
        : errorResponse(error);
    }
  },
});
