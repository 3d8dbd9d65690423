import { formError } from "../../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../../utils.ts";
import { PageHead } from "../../../../components/PageHead.tsx";
import { FormErrors } from "../../../../components/FormErrors.tsx";
import { signedInForm } from "../../../../lib/web/actions.ts";
import { field } from "../../../../lib/web/forms.ts";
import { DomainError } from "../../../../lib/domain/errors.ts";
import { getRule, updateRule } from "../../../../lib/instance/mod.ts";
import { messages } from "../../../../lib/web/pages.ts";

interface Data {
  id: string;
  text: string;
  hint: string;
  errors: string[];
}

/** /admin/rules/:id — edit a rule's text and hint. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const rule = await getRule(deps.sql, moderator ?? null, ctx.params.id);
    return page({ id: rule.id, text: rule.text, hint: rule.hint, errors: [] });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const input = { text: field(form, "text"), hint: field(form, "hint") };
    try {
      await updateRule(deps.sql, moderator ?? null, ctx.params.id, input);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page({
        id: ctx.params.id,
        ...input,
        errors: [formError(messages(ctx), error)],
      }, {
        status: 422,
      });
    }
    return ctx.redirect("/admin/rules", 303);
  },
});

export default define.page<typeof handler>(function EditRule({ data, state }) {
  const { admin, adminServer } = messages({ state });
  const t = adminServer.rules;
  return (
    <>
      <PageHead title={`${admin.administration} · ${t.editTitle}`} />
      <h1>{t.editTitle}</h1>
      <FormErrors errors={data.errors} />
      <form method="post" action={`/admin/rules/${data.id}`} class="card stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.rule}
          <input name="text" required maxLength={300} value={data.text} />
        </label>
        <label>
          {t.hint}
          <textarea name="hint" rows={2} maxLength={2000}>{data.hint}</textarea>
        </label>
        <button type="submit">{admin.save}</button>{" "}
        <a href="/admin/rules">{admin.cancel}</a>
      </form>
    </>
  );
});
