import { define } from "../../utils.ts";
import { lookupAccount } from "../../lib/domain/profiles.ts";
import { follow } from "../../lib/domain/relationships.ts";
import { backTo, signedInForm } from "../../lib/web/actions.ts";

/** The follow button without JavaScript: `POST /@bob/follow`. */
export const handler = define.handlers({
  async POST(ctx) {
    const { deps } = ctx.state;
    const { session, form } = await signedInForm(ctx);
    const target = await lookupAccount(
      deps.sql,
      ctx.params.username,
      deps.config.host,
    );
    await follow(deps, session.account, target);
    return backTo(ctx, form, `/@${ctx.params.username}`);
  },
});
