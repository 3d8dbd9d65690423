/** /invite/:code — an invite link (Mastodon's path): on to the sign-up form carrying the code. */
import { define } from "../../utils.ts";

export const handler = define.handlers({
  GET(ctx) {
    return ctx.redirect(
      `/auth/sign_up?invite_code=${encodeURIComponent(ctx.params.code)}`,
      303,
    );
  },
});
