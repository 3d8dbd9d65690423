import { page } from "fresh";
import { define } from "../../../utils.ts";
import { requestPasswordReset } from "../../../lib/mail/mod.ts";
import { field, readVerifiedForm } from "../../../lib/web/forms.ts";
import { messages } from "../../../lib/web/pages.ts";
import { FormErrors } from "../../../components/FormErrors.tsx";
import { PageHead } from "../../../components/PageHead.tsx";

interface Data {
  errors: string[];
  sent: boolean;
}

/**
 * "Forgot password?": asks for the address and mails a reset link. The answer is the same
 * whether or not the address belongs to an account (no way to find out who is here).
 */
export const handler = define.handlers<Data>({
  GET() {
    return page({ errors: [], sent: false });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const form = await readVerifiedForm(ctx.req, deps);
    if (!form) {
      return page({ errors: [messages(ctx).errors.csrfFailed], sent: false }, {
        status: 403,
      });
    }
    await requestPasswordReset(deps, field(form, "email"));
    return page({ errors: [], sent: true });
  },
});

export default define.page<typeof handler>(function ForgotPassword(
  { data, state },
) {
  const t = messages({ state }).auth.forgotPassword;
  return (
    <section class="card narrow">
      <PageHead title={t.title} />
      <h1>{t.heading}</h1>
      <FormErrors errors={data.errors} />
      {data.sent
        ? <p class="notice" role="status">{t.sent}</p>
        : (
          <form method="post" action="/auth/password/new" class="stack">
            <input type="hidden" name="_csrf" value={state.csrfToken} />
            <p>{t.intro}</p>
            <label>
              {t.email}
              <input name="email" type="email" required autocomplete="email" />
            </label>
            <button type="submit">{t.submit}</button>
          </form>
        )}
      <p>
        <a href="/auth/sign_in">{t.back}</a>
      </p>
    </section>
  );
});
