import { page } from "fresh";
import { define } from "../../utils.ts";
import {
  confirmByToken,
  type ConfirmedWhat,
  resendConfirmation,
} from "../../lib/mail/mod.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
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
        return page({ errors: [formError(messages(ctx), error)] }, {
          status: 404,
        });
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
      return page({ errors: [formError(messages(ctx), error)] }, {
        status: 403,
      });
    }
    return page({ sent: true, errors: [] });
  },
});

export default define.page<typeof handler>(function Confirmation(
  { data, state },
) {
  const t = messages({ state }).auth.confirmation;
  if (data.confirmed) {
    return (
      <section class="card narrow">
        <PageHead title={t.confirmedTitle} />
        <h1>{t.confirmedTitle}</h1>
        <p role="status">
          {data.confirmed === "account"
            ? t.confirmedAccount
            : t.confirmedChange}
        </p>
        <p>
          <a href={state.session ? "/home" : "/auth/sign_in"}>
            {state.session ? t.goHome : t.signIn}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section class="card narrow">
      <PageHead title={t.title} />
      <h1>{t.title}</h1>
      <FormErrors errors={data.errors} />
      {data.sent && (
        <p class="notice" role="status">
          {fill(t.sent, { email: state.session?.user.email ?? "" })}
        </p>
      )}
      {state.session && !state.session.user.confirmed_at && (
        <>
          <p>
            {t.sentToBefore}
            <strong>{state.session.user.email}</strong>
            {t.sentToAfter}
          </p>
          <form method="post" action="/auth/confirmation">
            <input type="hidden" name="_csrf" value={state.csrfToken} />
            <button type="submit">{t.sendAgain}</button>
          </form>
          <p>
            {t.wrongAddressBefore}
            <a href="/settings/email">{t.wrongAddressLink}</a>
            {t.wrongAddressAfter}
          </p>
        </>
      )}
    </section>
  );
});
