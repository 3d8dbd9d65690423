import { page } from "fresh";
import { define } from "../../../utils.ts";
import {
  requestPasswordReset,
  RESET_REQUESTED,
} from "../../../lib/mail/mod.ts";
import {
  CSRF_FAILED,
  field,
  readVerifiedForm,
} from "../../../lib/web/forms.ts";
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
      return page({ errors: [CSRF_FAILED], sent: false }, { status: 403 });
    }
    await requestPasswordReset(deps, field(form, "email"));
    return page({ errors: [], sent: true });
  },
});

export default define.page<typeof handler>(function ForgotPassword(
  { data, state },
) {
  return (
    <section class="card narrow">
      <PageHead title="Forgot password" />
      <h1>Forgot your password?</h1>
      <FormErrors errors={data.errors} />
      {data.sent
        ? <p class="notice" role="status">{RESET_REQUESTED}</p>
        : (
          <form method="post" action="/auth/password/new" class="stack">
            <input type="hidden" name="_csrf" value={state.csrfToken} />
            <p>
              Enter the e-mail address of your account: we will send you a link
              to choose a new password.
            </p>
            <label>
              Email
              <input name="email" type="email" required autocomplete="email" />
            </label>
            <button type="submit">Send reset link</button>
          </form>
        )}
      <p>
        <a href="/auth/sign_in">Back to sign in</a>
      </p>
    </section>
  );
});
