/** POST /invites/:id/expire — the maker ends their own invite link now. */
import { define } from "../../../utils.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { expireInvite, loadActor } from "../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { session } = await signedInForm(ctx);
    const { deps } = ctx.state;
    await expireInvite(
      deps.sql,
      await loadActor(deps.sql, session.user),
      session.user.id,
      ctx.params.id,
    );
    return ctx.redirect("/invites", 303);
  },
});
