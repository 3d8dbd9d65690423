import { formError } from "../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../utils.ts";
import { createFilter } from "../../lib/domain/filters.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import {
  BLANK_FILTER,
  draftOfForm,
  filterInputOf,
} from "../../lib/web/filter-form.ts";
import {
  type FilterDraft,
  FilterFields,
} from "../../components/FilterFields.tsx";
import { FormErrors } from "../../components/FormErrors.tsx";
import { PageHead } from "../../components/PageHead.tsx";

interface Data {
  draft: FilterDraft;
  errors: string[];
}

/** `/filters/new`: the form for a new filter. */
export const handler = define.handlers<Data>({
  GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page({ draft: BLANK_FILTER, errors: [] });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const draft = draftOfForm(form);
    try {
      await createFilter(
        ctx.state.deps.sql,
        session.account.id,
        filterInputOf(draft),
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page({ draft, errors: [formError(messages(ctx), error)] }, {
        status: 422,
      });
    }
    return ctx.redirect("/filters?created=1", 303);
  },
});

export default define.page<typeof handler>(function NewFilter(
  { data, state },
) {
  const t = messages({ state }).filters;
  return (
    <section class="card">
      <PageHead title={t.newFilter} />
      <h1>{t.newFilter}</h1>
      <FormErrors errors={data.errors} />
      <form method="post" action="/filters/new" class="stack filter-form">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <FilterFields filter={data.draft} labels={t} />
        <div>
          <button type="submit">{t.save}</button>
        </div>
      </form>
    </section>
  );
});
