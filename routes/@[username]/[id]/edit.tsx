import { HttpError, page } from "fresh";
import { define } from "../../../utils.ts";
import { getOwnStatus } from "../../../lib/domain/statuses.ts";
import { editStatus } from "../../../lib/domain/status-changes.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { field } from "../../../lib/web/forms.ts";
import { signedInForm } from "../../../lib/web/actions.ts";
import { signInFirst } from "../../../lib/web/pages.ts";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { PageHead } from "../../../components/PageHead.tsx";

interface Data {
  text: string;
  spoilerText: string;
  back: string;
  errors: string[];
}

/**
 * `/@alice/123/edit`: the author changes a post's text and content warning (as
 * `PUT /api/v1/statuses/:id` does); the earlier version stays in its edit history.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const status = await getOwnStatus(
      ctx.state.deps,
      session.account.id,
      ctx.params.id,
    );
    return page({
      text: status.text,
      spoilerText: status.spoiler_text,
      back: `/@${ctx.params.username}/${status.id}`,
      errors: [],
    });
  },
  async POST(ctx) {
    if (!/^\d{1,19}$/.test(ctx.params.id)) throw new HttpError(404);
    const { session, form } = await signedInForm(ctx);
    const back = `/@${ctx.params.username}/${ctx.params.id}`;
    const text = field(form, "status");
    const spoilerText = field(form, "spoiler_text");
    try {
      await editStatus(ctx.state.deps, session.account.id, ctx.params.id, {
        status: text,
        spoilerText,
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      return page({ text, spoilerText, back, errors: [error.message] }, {
        status: 422,
      });
    }
    return ctx.redirect(back, 303);
  },
});

export default define.page<typeof handler>(function EditPost(
  { data, state },
) {
  return (
    <section class="card compose-card">
      <PageHead title="Edit post" />
      <h1>Edit post</h1>
      <FormErrors errors={data.errors} />
      <form method="post" class="stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          Content warning (optional)
          <input name="spoiler_text" value={data.spoilerText} maxLength={500} />
        </label>
        <label>
          Text
          <textarea name="status" rows={6}>{data.text}</textarea>
        </label>
        <div class="actions">
          <button type="submit">Save changes</button>
          <a class="button secondary" href={data.back}>Cancel</a>
        </div>
      </form>
    </section>
  );
});
