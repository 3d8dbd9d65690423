/** POST /announcements/:id/dismiss — the home banner's "Dismiss", without JavaScript. */
import { define } from "../../../utils.ts";
import { backTo, signedInForm } from "../../../lib/web/actions.ts";
import { dismissAnnouncement } from "../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    await dismissAnnouncement(
      ctx.state.deps.sql,
      session.account.id,
      ctx.params.id,
    );
    return backTo(ctx, form, "/home");
  },
});
