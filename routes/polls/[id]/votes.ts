import { HttpError } from "fresh";
import { define } from "../../../utils.ts";
import { voteInPoll } from "../../../lib/domain/polls.ts";
import { backTo, signedInForm } from "../../../lib/web/actions.ts";

/** The poll form without JavaScript: `POST /polls/:id/votes` with `choices`, then back. */
export const handler = define.handlers({
  async POST(ctx) {
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const { session, form } = await signedInForm(ctx);
    const choices = form.getAll("choices").map(Number).filter(
      Number.isInteger,
    );
    await voteInPoll(
      ctx.state.deps,
      session.account.id,
      ctx.params.id,
      choices,
    );
    return backTo(ctx, form, "/home");
  },
});
