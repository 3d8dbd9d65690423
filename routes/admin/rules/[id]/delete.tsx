import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import {
  deleteRule,
  getRule,
  type RuleRow,
} from "../../../../lib/instance/mod.ts";

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
    return (
      <>
        <PageHead title="Administration · Delete rule" />
        <h1>Delete this rule?</h1>
        <blockquote>{rule.text}</blockquote>
        <p>
          It leaves the rules shown to users; reports that cite it keep showing
          it.
        </p>
        <form method="post" action={`/admin/rules/${rule.id}/delete`}>
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <button type="submit">Delete rule</button>{" "}
          <a href="/admin/rules">Cancel</a>
        </form>
      </>
    );
  },
);
