import { define } from "../../utils.ts";
import { lookupAccount } from "../../lib/domain/profiles.ts";
import { unfollow } from "../../lib/domain/relationships.ts";
import { backTo, signedInForm } from "../../lib/web/actions.ts";

/** Unfollow (or withdraw a follow request) without JavaScript: `POST /@bob/unfollow`. */
export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const { session, form } = await signedInForm(ctx);
    const target = await lookupAccount(
      deps.sql,
      ctx.params.username,
      deps.config.host,
    );
    await unfollow(deps, session.account, target);
    return backTo(ctx, form, `/@${ctx.params.username}`);
  },
});
