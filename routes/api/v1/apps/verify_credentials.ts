/** GET /api/v1/apps/verify_credentials — the app behind any valid token, without its secret. */
import { define } from "../../../../utils.ts";
import {
  authenticateRequest,
  requireScope,
} from "../../../../lib/mastodon/auth.ts";
import { json, unauthorized } from "../../../../lib/mastodon/errors.ts";
import { applicationJson } from "../../../../lib/mastodon/oauth.ts";
import { findApplication } from "../../../../lib/domain/oauth.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const auth = requireScope(
      await authenticateRequest(ctx.state.deps, ctx.req),
    );
    const app = auth.applicationId
      ? await findApplication(ctx.state.deps.sql, auth.applicationId)
      : null;
    if (!app) throw unauthorized();
    return json(applicationJson(app, ctx.state.deps.vapid.publicKey));
  },
});
