/** POST /admin/accounts/:id/role — give the account's user a role (`role_id`, empty: none). */
import { define } from "../../../../utils.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";
import { assignRole } from "../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await assignRole(
      deps.sql,
      moderator ?? null,
      ctx.params.id,
      String(form.get("role_id") ?? "") || null,
    );
    return ctx.redirect(`/admin/accounts/${ctx.params.id}`, 303);
  },
});
