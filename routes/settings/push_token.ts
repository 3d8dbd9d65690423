/**
 * `POST /settings/push_token` (signed in, CSRF-checked): the browser session's push-only token
 * (`lib/push/web-token.ts` says why the page's own token isn't used), for the browser
 * notifications control to call `/api/v1/push/subscription` with.
 */
import { define } from "../../utils.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { webPushToken } from "../../lib/push/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { session } = await signedInForm(ctx);
    return Response.json(
      { access_token: await webPushToken(ctx.state.deps, session) },
      { headers: { "cache-control": "no-store" } },
    );
  },
});
