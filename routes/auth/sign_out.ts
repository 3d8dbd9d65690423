import { define } from "../../utils.ts";
import { endWebSession } from "../../lib/domain/sessions.ts";
import { readVerifiedForm } from "../../lib/web/forms.ts";
import { clearSessionCookie } from "../../lib/web/session-cookie.ts";

/** POST only: signing out changes state, so it needs a form with a CSRF token. */
export const handler = define.handlers({
  async POST(ctx) {
    const { deps, session } = ctx.state;
    const form = await readVerifiedForm(ctx.req, deps);
    if (!form) {
      return new Response("Invalid or missing CSRF token", { status: 403 });
    }
    if (session) {
      await endWebSession(deps.sql, session.sessionId, deps.effects);
    }
    const response = ctx.redirect("/", 303);
    clearSessionCookie(response.headers, deps.config);
    return response;
  },
});
