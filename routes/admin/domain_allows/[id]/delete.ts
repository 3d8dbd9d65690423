/** POST /admin/domain_allows/:id/delete — removes a domain from the allowlist. */
import { define } from "../../../../utils.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";
import { deleteDomainAllow } from "../../../../lib/moderation/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await deleteDomainAllow(deps.sql, moderator ?? null, ctx.params.id);
    return ctx.redirect("/admin/domain_allows", 303);
  },
});
