/** POST /admin/rules/:id/move — one place up or down (`direction`), then back to the list. */
import { define } from "../../../../utils.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";
import { field } from "../../../../lib/web/forms.ts";
import { moveRule } from "../../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const direction = field(form, "direction") === "up" ? "up" : "down";
    await moveRule(deps.sql, moderator ?? null, ctx.params.id, direction);
    return ctx.redirect("/admin/rules", 303);
  },
});
