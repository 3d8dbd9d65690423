import { formError } from "../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../utils.ts";
import { createList, listLists } from "../../lib/domain/lists.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import {
  messages,
  type PageContext,
  signInFirst,
} from "../../lib/web/pages.ts";
import {
  ListFields,
  type ListSettings,
  listSettingsOf,
} from "../../components/ListFields.tsx";
import { FormErrors } from "../../components/FormErrors.tsx";
import { Icon } from "../../components/Icon.tsx";
import { PageHead } from "../../components/PageHead.tsx";

interface Data {
  lists: { id: string; title: string; exclusive: boolean }[];
  draft: ListSettings;
  errors: string[];
}

const BLANK: ListSettings = {
  title: "",
  repliesPolicy: "list",
  exclusive: false,
};

async function load(ctx: PageContext, draft = BLANK, errors: string[] = []) {
  const rows = await listLists(
    ctx.state.deps.sql,
    ctx.state.session!.account.id,
  );
  return {
    lists: rows.map((r) => ({
      id: r.id,
      title: r.title,
      exclusive: r.exclusive,
    })),
    draft,
    errors,
  };
}

/** `/lists`: the viewer's lists, and a form to make one. */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page(await load(ctx));
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const draft = listSettingsOf((name) => field(form, name));
    try {
      const list = await createList(
        ctx.state.deps.sql,
        session.account.id,
        draft,
      );
      return ctx.redirect(`/lists/${list.id}/edit?created=1`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page(await load(ctx, draft, [formError(messages(ctx), error)]), {
        status: 422,
      });
    }
  },
});

export default define.page<typeof handler>(function Lists({ data, state }) {
  const t = messages({ state }).lists;
  return (
    <>
      <PageHead title={t.title} />
      <header class="page-header">
        <h1>
          <Icon name="list" size={22} /> {t.title}
        </h1>
      </header>
      <section class="card" aria-labelledby="your-lists">
        <h2 id="your-lists">{t.yourLists}</h2>
        <ul class="plain-list">
          {data.lists.map((list) => (
            <li key={list.id} class="plain-row">
              <a href={`/lists/${list.id}`}>{list.title}</a>
              {list.exclusive && <span class="chip">{t.exclusive}</span>}
              <a class="button small secondary" href={`/lists/${list.id}/edit`}>
                {t.edit}
                <span class="visually-hidden">{list.title}</span>
              </a>
            </li>
          ))}
        </ul>
        {data.lists.length === 0 && <p class="empty">{t.empty}</p>}
      </section>
      <section class="card" aria-labelledby="new-list">
        <h2 id="new-list">{t.newList}</h2>
        <FormErrors errors={data.errors} />
        <form method="post" action="/lists" class="stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <ListFields list={data.draft} id="new-list" labels={t} />
          <div>
            <button type="submit">{t.createList}</button>
          </div>
        </form>
      </section>
    </>
  );
});
