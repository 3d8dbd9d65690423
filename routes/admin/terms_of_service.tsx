import { formError } from "../../lib/web/form-errors.ts";
import { HttpError, page } from "fresh";
import { define } from "../../utils.ts";
import { messages } from "../../lib/web/pages.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { FormErrors } from "../../components/FormErrors.tsx";
import { signedInForm } from "../../lib/web/actions.ts";
import { field } from "../../lib/web/forms.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { can } from "../../lib/moderation/mod.ts";
import {
  publishTerms,
  termsHistory,
  type TermsVersion,
} from "../../lib/instance/mod.ts";

interface Data {
  history: TermsVersion[];
  text: string;
  effectiveDate: string;
  errors: string[];
}

/**
 * /admin/terms_of_service — publish a version of the terms taking effect on a date; earlier
 * versions stay readable at /terms-of-service/<date> (`manage_settings`).
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!can(ctx.state.moderator ?? null, "manage_settings")) {
      throw new HttpError(403, messages(ctx).admin.forbidden);
    }
    const history = await termsHistory(ctx.state.deps.sql);
    return page({
      history,
      text: history[0]?.text ?? "",
      effectiveDate: new Date().toISOString().slice(0, 10),
      errors: [],
    });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const text = field(form, "text");
    const effectiveDate = field(form, "effective_date");
    try {
      await publishTerms(deps.sql, moderator ?? null, { text, effectiveDate });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      const history = await termsHistory(deps.sql);
      return page({
        history,
        text,
        effectiveDate,
        errors: [formError(messages(ctx), error)],
      }, {
        status: 422,
      });
    }
    return ctx.redirect("/admin/terms_of_service", 303);
  },
});

export default define.page<typeof handler>(function Terms({ data, state }) {
  const today = new Date().toISOString().slice(0, 10);
  const { admin, adminServer } = messages({ state });
  const t = adminServer.terms;
  return (
    <>
      <PageHead title={`${admin.administration} · ${t.title}`} />
      <h1>{t.title}</h1>
      <FormErrors errors={data.errors} />
      <form method="post" action="/admin/terms_of_service" class="card stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          {t.text}
          <textarea name="text" rows={12} required>{data.text}</textarea>
        </label>
        <label>
          {t.effectiveFrom}
          <input
            type="date"
            name="effective_date"
            required
            value={data.effectiveDate}
          />
        </label>
        <button type="submit">{t.publish}</button>
      </form>
      {data.history.length === 0
        ? <p class="empty">{t.empty}</p>
        : (
          <table class="admin-table">
            <thead>
              <tr>
                <th>{t.effectiveFrom}</th>
                <th>{t.status}</th>
                <th>{t.published}</th>
              </tr>
            </thead>
            <tbody>
              {data.history.map((version) => (
                <tr>
                  <td>
                    <a href={`/terms-of-service/${version.effective_date}`}>
                      {version.effective_date}
                    </a>
                  </td>
                  <td>
                    {version.effective
                      ? t.inForce
                      : version.effective_date > today
                      ? t.upcoming
                      : t.superseded}
                  </td>
                  <td>{version.published_at.toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </>
  );
});
