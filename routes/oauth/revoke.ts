/** POST /oauth/revoke — apps revoke their token on logout (RFC 7009: unknown tokens are fine). */
import { define } from "../../utils.ts";
import { Params } from "../../lib/mastodon/params.ts";
import { errorResponse, json } from "../../lib/mastodon/errors.ts";
import {
  clientCredentials,
  oauthErrorResponse,
} from "../../lib/mastodon/oauth.ts";
import {
  authenticateClient,
  OAuthError,
  revokeAccessToken,
} from "../../lib/domain/oauth.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { sql } = ctx.state.deps;
    try {
      const params = await Params.from(ctx.req, ctx.url);
      const { clientId, clientSecret } = clientCredentials(ctx.req, params);
      const app = await authenticateClient(sql, clientId, clientSecret, {
        secretRequired: true,
      });
      await revokeAccessToken(
        sql,
        app,
        params.string("token"),
        ctx.state.deps.effects,
      );
      return json({});
    } catch (error) {
      return error instanceof OAuthError
        ? oauthErrorResponse(error)
        : errorResponse(error);
    }
  },
});
