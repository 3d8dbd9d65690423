/** RFC 8414 metadata: clients use PKCE only when `code_challenge_methods_supported` has S256. */
import { define } from "../../utils.ts";
import { json } from "../../lib/mastodon/errors.ts";
import { preflightResponse, withCors } from "../../lib/mastodon/cors.ts";
import { authorizationServerMetadata } from "../../lib/mastodon/oauth.ts";

export const handler = define.handlers({
  GET(ctx) {
    return withCors(
      json(authorizationServerMetadata(ctx.state.deps.config.origin)),
    );
  },
  OPTIONS(ctx) {
    return preflightResponse(ctx.req);
  },
});
