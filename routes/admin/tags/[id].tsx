import { formError } from "../../../lib/web/form-errors.ts";
import { page } from "fresh";
import { define } from "../../../utils.ts";
import { PageHead } from "../../../components/PageHead.tsx";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { signedInForm } from "../../../lib/web/actions.ts";
import { field } from "../../../lib/web/forms.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import {
  getHashtag,
  type ModeratedTagRow,
  updateHashtag,
} from "../../../lib/moderation/mod.ts";
import { messages } from "../../../lib/web/pages.ts";

interface Data {
  tag: ModeratedTagRow;
  errors: string[];
}

/** /admin/tags/:id — a hashtag's display name and what it may do (`manage_taxonomies`). */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { deps, moderator } = ctx.state;
    const tag = await getHashtag(deps.sql, moderator ?? null, ctx.params.id);
    return page({ tag, errors: [] });
  },
  async POST(ctx) {
    const { form } = await signedInForm(ctx);
    const { deps, moderator } = ctx.state;
    const trending = field(form, "trendable");
    try {
      await updateHashtag(deps.sql, moderator ?? null, ctx.params.id, {
        display_name: field(form, "display_name"),
        usable: form.has("usable"),
        listable: form.has("listable"),
        trendable: trending === "" ? undefined : trending === "true",
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      const tag = await getHashtag(deps.sql, moderator ?? null, ctx.params.id);
      return page({ tag, errors: [formError(messages(ctx), error)] }, {
        status: 422,
      });
    }
    return ctx.redirect(`/admin/tags/${ctx.params.id}?saved=1`, 303);
  },
});

export default define.page<typeof handler>(
  function EditTag({ data, state, url }) {
    const { tag } = data;
    const { admin, adminServer } = messages({ state });
    const t = adminServer.tags;
    return (
      <>
        <PageHead
          title={`${admin.moderation} · #${tag.display_name || tag.name}`}
        />
        <h1>#{tag.display_name || tag.name}</h1>
        {url.searchParams.has("saved") && data.errors.length === 0 && (
          <p class="notice" role="status">{t.saved}</p>
        )}
        <FormErrors errors={data.errors} />
        <form method="post" action={`/admin/tags/${tag.id}`} class="card stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <label>
            {t.displayName}
            <input name="display_name" value={tag.display_name || tag.name} />
          </label>
          <label>
            <input type="checkbox" name="usable" checked={tag.usable} />{" "}
            {t.usable}
          </label>
          <label>
            <input type="checkbox" name="listable" checked={tag.listable} />
            {" "}
            {t.listable}
          </label>
          <label>
            {t.trends}
            <select name="trendable">
              {tag.trendable === null && (
                <option value="" selected>{t.waiting}</option>
              )}
              <option value="true" selected={tag.trendable === true}>
                {t.mayTrendOption}
              </option>
              <option value="false" selected={tag.trendable === false}>
                {t.mayNotTrendOption}
              </option>
            </select>
          </label>
          <button type="submit">{admin.save}</button>{" "}
          <a href="/admin/tags">{t.back}</a>
        </form>
      </>
    );
  },
);
