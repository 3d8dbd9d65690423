/** POST /admin/announcements/:id/publish — `published=true` publishes, `false` withdraws. */
import { define } from "../../../../utils.ts";
import { signedInForm } from "../../../../lib/web/actions.ts";
import { setAnnouncementPublished } from "../../../../lib/instance/mod.ts";

export const handler = define.handlers({
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await setAnnouncementPublished(
      deps,
      moderator ?? null,
      ctx.params.id,
      form.get("published") === "true",
    );
    return ctx.redirect("/admin/announcements", 303);
  },
});
