/** POST /admin/appeals/:id/{approve,reject} — decide an appeal (`manage_appeals`), back to the list. */
import { HttpError } from "fresh";
import { define } from "../../../../utils.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";
import { decideAppeal } from "../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const decision = ctx.params.decision;
    if (decision !== "approve" && decision !== "reject") {
      throw new HttpError(404);
    }
    await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await decideAppeal(
      deps,
      moderator ?? null,
      ctx.params.id,
      decision === "approve",
    );
    return ctx.redirect("/admin/appeals", 303);
  },
});
