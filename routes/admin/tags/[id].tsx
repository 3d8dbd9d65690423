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
      return page({ tag, errors: [error.message] }, { status: 422 });
    }
    return ctx.redirect(`/admin/tags/${ctx.params.id}?saved=1`, 303);
  },
});

export default define.page<typeof handler>(
  function EditTag({ data, state, url }) {
    const { tag } = data;
    return (
      <>
        <PageHead title={`Moderation · #${tag.display_name || tag.name}`} />
        <h1>#{tag.display_name || tag.name}</h1>
        {url.searchParams.has("saved") && data.errors.length === 0 && (
          <p class="notice" role="status">Saved.</p>
        )}
        <FormErrors errors={data.errors} />
        <form method="post" action={`/admin/tags/${tag.id}`} class="card stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <label>
            Display name (only the case of its letters can change)
            <input name="display_name" value={tag.display_name || tag.name} />
          </label>
          <label>
            <input type="checkbox" name="usable" checked={tag.usable} />{" "}
            Usable: linked in new posts and found by search
          </label>
          <label>
            <input type="checkbox" name="listable" checked={tag.listable} />
            {" "}
            Listed: offered by search
          </label>
          <label>
            Trends
            <select name="trendable">
              {tag.trendable === null && (
                <option value="" selected>Waiting for review</option>
              )}
              <option value="true" selected={tag.trendable === true}>
                May trend
              </option>
              <option value="false" selected={tag.trendable === false}>
                May not trend
              </option>
            </select>
          </label>
          <button type="submit">Save</button>{" "}
          <a href="/admin/tags">Back to hashtags</a>
        </form>
      </>
    );
  },
);
