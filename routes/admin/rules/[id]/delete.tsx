import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  deleteRule,
  getRule,
  type RuleRow,
} from "../../../../lib/instance/mod.ts";
import { messages } from "../../../../lib/web/pages.ts";

interface Data {
  rule: RuleRow;
}

/** /admin/rules/:id/delete — asks first (GET), then removes the rule (POST). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    return page({
      rule: await getRule(deps.sql, moderator ?? null, ctx.params.id),
    });
  },
  async POST(ctx) {
    await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    await deleteRule(deps.sql, moderator ?? null, ctx.params.id);
    return ctx.redirect("/admin/rules", 303);
  },
});

export default define.page<typeof handler>(
  function DeleteRule({ data, state }) {
    const { rule } = data;
    const { admin, adminServer } = messages({ state });
    const t = adminServer.rules;
    return (
      <>
        <PageHead title={`${admin.administration} · ${t.deleteTitle}`} />
        <h1>{t.deleteQuestion}</h1>
        <blockquote>{rule.text}</blockquote>
        <p>{t.deleteDetail}</p>
        <form method="post" action={`/admin/rules/${rule.id}/delete`}>
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <button type="submit">{t.deleteButton}</button>{" "}
          <a href="/admin/rules">{admin.cancel}</a>
        </form>
      </>
    );
  },
);
