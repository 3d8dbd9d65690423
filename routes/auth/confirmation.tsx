import { page } from "fresh";
import { define } from "../../utils.ts";
import {
  confirmByToken,
  type ConfirmedWhat,
  resendConfirmation,
} from "../../lib/mail/mod.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { signInFirst } from "../../lib/web/pages.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { PageHead } from "../../components/PageHead.tsx";

interface Data {
  confirmed?: ConfirmedWhat;
  /** A new link was mailed. */
  sent?: boolean;
  errors: string[];
}

/**
 * `/auth/confirmation` (Mastodon's path): the mailed link (`?confirmation_token=`) confirms a
 * sign-up's address or a new one; without a token, a signed-in user waiting for confirmation
 * reads what to do and can have the link mailed again (POST).
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const token = ctx.url.searchParams.get("confirmation_token");
    if (token) {
      try {
        const confirmed = await confirmByToken(ctx.state.deps, token);
        return page({ confirmed, errors: [] });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return page({ errors: [error.message] }, { status: 404 });
      }
    }
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    if (session.user.confirmed_at) return ctx.redirect("/home");
    return page({ errors: [] });
  },
  async POST(ctx) {
    const { session } = await signedInForm(ctx);
    try {
      await resendConfirmation(ctx.state.deps, session.user.id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({ errors: [error.message] }, { status: 403 });
    }
    return page({ sent: true, errors: [] });
  },
});

export default define.page<typeof handler>(function Confirmation(
  { data, state },
) {
  if (data.confirmed) {
    return (
      <section class="card narrow">
        <PageHead title="E-mail address confirmed" />
        <h1>E-mail address confirmed</h1>
        <p role="status">
          {data.confirmed === "account"
            ? "Thank you: your e-mail address is confirmed, and you can post now."
            : "Your new e-mail address is confirmed and now used for your account."}
        </p>
        <p>
          <a href={state.session ? "/home" : "/auth/sign_in"}>
            {state.session ? "Go to your home timeline" : "Sign in"}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section class="card narrow">
      <PageHead title="Confirm your e-mail address" />
      <h1>Confirm your e-mail address</h1>
      <FormErrors errors={data.errors} />
      {data.sent && (
        <p class="notice" role="status">
          A new confirmation link is on its way to {state.session?.user.email}.
        </p>
      )}
      {state.session && !state.session.user.confirmed_at && (
        <>
          <p>
            We sent a link to{" "}
            <strong>{state.session.user.email}</strong>. Follow it to confirm
            your address; until then you can read, but not post. The link works
            for 24 hours.
          </p>
          <form method="post" action="/auth/confirmation">
            <input type="hidden" name="_csrf" value={state.csrfToken} />
            <button type="submit">Send the link again</button>
          </form>
          <p>
            Wrong address? Change it in{" "}
            <a href="/settings/email">your e-mail settings</a>.
          </p>
        </>
      )}
    </section>
  );
});
