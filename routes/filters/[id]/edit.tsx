import { formError } from "../../../lib/web/form-errors.ts";
import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { getFilter, updateFilter } from "../../../lib/domain/filters.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { messages, signInFirst } from "../../../lib/web/pages.ts";
import {
  draftOfFilter,
  draftOfForm,
  filterInputOf,
} from "../../../lib/web/filter-form.ts";
import {
  type FilterDraft,
  FilterFields,
} from "../../../components/FilterFields.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { PageHead } from "../../../components/PageHead.tsx";
import { formatDateTime } from "../../../components/format.ts";

interface Data {
  id: string;
  draft: FilterDraft;
  errors: string[];
}

/** `/filters/:id/edit`: change a filter's title, places, action, expiry and keywords. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const filter = await getFilter(
      ctx.state.deps.sql,
      session.account.id,
      ctx.params.id,
    );
    return page({ id: filter.id, draft: draftOfFilter(filter), errors: [] });
  },
  async POST(ctx) {
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const { session, form } = await signedInForm(ctx);
    const { sql } = ctx.state.deps;
    const current = await getFilter(sql, session.account.id, ctx.params.id);
    const draft = draftOfForm(
      form,
      current.expires_at?.toISOString() ?? null,
    );
    try {
      await updateFilter(
        sql,
        session.account.id,
        current.id,
        filterInputOf(draft),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page({
        id: current.id,
        draft,
        errors: [formError(messages(ctx), error)],
      }, {
        status: 422,
      });
    }
    return ctx.redirect("/filters?saved=1", 303);
  },
});

export default define.page<typeof handler>(function EditFilter(
  { data, state },
) {
  const here = `/filters/${data.id}/edit`;
  const t = messages({ state }).filters;
  return (
    <section class="card">
      <PageHead title={t.editFilterNamed(data.draft.title)} />
      <h1>{t.editFilter}</h1>
      <FormErrors errors={data.errors} />
      <form method="post" action={here} class="stack filter-form">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <FilterFields
          filter={data.draft}
          labels={t}
          expiresLabel={data.draft.expiresAt
            ? t.until(
              formatDateTime(data.draft.expiresAt, state.locale ?? "en"),
            )
            : undefined}
        />
        <div>
          <button type="submit">{t.save}</button>
        </div>
      </form>
    </section>
  );
});
