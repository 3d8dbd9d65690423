/**
 * RFC 8414 metadata: clients use PKCE only when `code_challenge_methods_supported` has S256.
 * (CORS: lib/mastodon/cors.ts, for every `/.well-known` path.)
 */
import { define } from "../../utils.ts";
import { json } from "../../lib/mastodon/errors.ts";
import { authorizationServerMetadata } from "../../lib/mastodon/oauth.ts";

export const handler = define.handlers({
  GET(ctx) {
    return json(authorizationServerMetadata(ctx.state.deps.config.origin));
  },
});
