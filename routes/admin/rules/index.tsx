import { formError } from "../../../lib/web/form-errors.ts";
import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { messages } from "../../../lib/web/pages.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import { field } from "../../../lib/web/forms.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { can } from "../../../lib/moderation/mod.ts";
import {
  createRule,
  listRules,
  type RuleRow,
} from "../../../lib/instance/mod.ts";

interface Data {
  rules: RuleRow[];
  errors: string[];
  text: string;
  hint: string;
}

/** /admin/rules — the server's rules in order, each movable, editable, removable; add one. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!can(ctx.state.moderator ?? null, "manage_rules")) {
      throw new HttpError(403, messages(ctx).admin.forbidden);
    }
    const rules = await listRules(ctx.state.deps.sql);
    return page({ rules, errors: [], text: "", hint: "" });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const input = { text: field(form, "text"), hint: field(form, "hint") };
    try {
      await createRule(deps.sql, moderator ?? null, input);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      const rules = await listRules(deps.sql);
      return page({
        rules,
        errors: [formError(messages(ctx), error)],
        ...input,
      }, {
        status: 422,
      });
    }
    return ctx.redirect("/admin/rules", 303);
  },
});

export default define.page<typeof handler>(function Rules({ data, state }) {
  const { rules } = data;
  const { admin, adminServer } = messages({ state });
  const t = adminServer.rules;
  const move = (rule: RuleRow, direction: "up" | "down", label: string) => (
    <form
      method="post"
      action={`/admin/rules/${rule.id}/move`}
      class="inline"
    >
      <input type="hidden" name="_csrf" value={state.csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="link" aria-label={`${label}: ${rule.text}`}>
        {label}
      </button>
    </form>
  );
  return (
    <>
      <PageHead title={`${admin.administration} · ${t.title}`} />
      <h1>{t.title}</h1>
      {rules.length === 0
        ? <p class="empty">{t.empty}</p>
        : (
          <ol class="rules admin-rules">
            {rules.map((rule, i) => (
              <li>
                <strong>{rule.text}</strong>
                {rule.hint && <p>{rule.hint}</p>}
                <p>
                  {i > 0 && move(rule, "up", t.moveUp)}{" "}
                  {i < rules.length - 1 && move(rule, "down", t.moveDown)}{" "}
                  <a href={`/admin/rules/${rule.id}`}>{admin.edit}</a>{" "}
                  <a href={`/admin/rules/${rule.id}/delete`}>{admin.delete}</a>
                </p>
              </li>
            ))}
          </ol>
        )}
      <h2>{t.addTitle}</h2>
      <FormErrors errors={data.errors} />
      <form method="post" action="/admin/rules" class="card stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.rule}
          <input name="text" required maxLength={300} value={data.text} />
        </label>
        <label>
          {t.hint}
          <textarea name="hint" rows={2} maxLength={2000}>{data.hint}</textarea>
        </label>
        <button type="submit">{t.add}</button>
      </form>
    </>
  );
});
