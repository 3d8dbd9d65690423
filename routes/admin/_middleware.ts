import { HttpError } from "fresh";
import { define } from "../../utils.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { canEnterAdmin, loadActor } from "../../lib/moderation/mod.ts";

/**
 * /admin is for the signed-in holders of some moderation or administration permission: others
 * are sent to sign in, or refused (403). What each page may show or do is decided by the
 * policy module when the page calls lib/moderation with `state.moderator`.
 */
export default define.middleware(async (ctx) => {
  const session = ctx.state.session;
  if (!session) return signInFirst(ctx);
  const actor = await loadActor(ctx.state.deps.sql, session.user);
  if (!canEnterAdmin(actor)) {
    throw new HttpError(403, messages(ctx).admin.onlyStaff);
  }
  ctx.state.moderator = actor;
  return await ctx.next();
});
