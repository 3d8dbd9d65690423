import { page } from "fresh";
import { NewPasswordFields } from "../../../components/NewPasswordFields.tsx";
import { define } from "../../../utils.ts";
import { resetPassword, resetTokenWorks } from "../../../lib/mail/mod.ts";
import { messages } from "../../../lib/web/pages.ts";
import { formError } from "../../../lib/web/form-errors.ts";
import { DomainError } from "../../../lib/domain/errors.ts";
import { field, readVerifiedForm } from "../../../lib/web/forms.ts";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { PageHead } from "../../../components/PageHead.tsx";

interface Data {
  token: string;
  /** The link works (still): show the form. */
  usable: boolean;
  errors: string[];
}

/**
 * The mailed reset link (`?reset_password_token=`): a form for the new password. Saving it
 * uses the link up and signs the account out everywhere; then on to sign in.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const token = ctx.url.searchParams.get("reset_password_token") ?? "";
    const usable = await resetTokenWorks(ctx.state.deps, token);
    return page(
      {
        token,
        usable,
        errors: usable ? [] : [messages(ctx).errors.resetLinkBroken],
      },
      { status: usable ? 200 : 404 },
    );
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const form = await readVerifiedForm(ctx.req, deps);
    const token = form ? field(form, "reset_password_token") : "";
    if (!form) {
      return page({
        token,
        usable: false,
        errors: [messages(ctx).errors.csrfFailed],
      }, {
        status: 403,
      });
    }
    const password = field(form, "password");
    if (password !== field(form, "password_confirmation")) {
      return page({
        token,
        usable: true,
        errors: [messages(ctx).errors.passwordsDiffer],
      }, { status: 422 });
    }
    try {
      await resetPassword(deps, token, password);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const broken = error.kind === "not_found";
      return page({
        token,
        usable: !broken,
        errors: [formError(messages(ctx), error)],
      }, {
        status: broken ? 404 : 422,
      });
    }
    return ctx.redirect("/auth/sign_in?password_reset=1", 303);
  },
});

export default define.page<typeof handler>(function ResetPassword(
  { data, state },
) {
  const { auth } = messages({ state });
  const t = auth.resetPassword;
  return (
    <section class="card narrow">
      <PageHead title={t.title} />
      <h1>{t.title}</h1>
      <FormErrors errors={data.errors} />
      {data.usable
        ? (
          <form method="post" action="/auth/password/edit" class="stack">
            <input type="hidden" name="_csrf" value={state.csrfToken} />
            <input
              type="hidden"
              name="reset_password_token"
              value={data.token}
            />
            <NewPasswordFields labels={auth.passwordFields} />
            <button type="submit">{t.submit}</button>
          </form>
        )
        : (
          <p>
            <a href="/auth/password/new">{t.askAgain}</a>
          </p>
        )}
    </section>
  );
});
