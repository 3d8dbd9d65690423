import { page } from "fresh";
import { define } from "../../utils.ts";
import { requestEmailChange } from "../../lib/mail/mod.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import { CurrentPasswordField } from "../../components/CurrentPasswordField.tsx";

interface Data {
  errors: string[];
  /** The new address a confirmation link was mailed to. */
  requested?: string;
  email: string;
}

/**
 * Changing the e-mail address: with the current password, a confirmation link goes to the new
 * address and a notice to the old one; the address changes when the link is followed.
 */
export const handler = define.handlers<Data>({
  GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page({ errors: [], email: "" });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const email = field(form, "email").trim();
    try {
      await requestEmailChange(
        ctx.state.deps,
        session.user.id,
        field(form, "current_password"),
        email,
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({ errors: [formError(messages(ctx), error)], email }, {
        status: 422,
      });
    }
    return page({ errors: [], email: "", requested: email });
  },
});

export default define.page<typeof handler>(function EmailSettings(
  { data, state },
) {
  const { settings: t, auth } = messages({ state });
  const e = t.email;
  return (
    <>
      <PageHead title={fill(t.pageTitle, { page: e.title })} />
      <h1>{t.heading}</h1>
      <SettingsNav current="/settings/email" labels={t.nav} />
      <section class="card">
        <h2>{e.heading}</h2>
        <p>
          {e.current} <strong>{state.session?.user.email}</strong>
          {state.session?.user.confirmed_at ? "" : e.unconfirmed}
        </p>
        {data.requested && (
          <p class="notice" role="status">
            {e.requestedBefore}
            {data.requested}
            {e.requestedAfter}
          </p>
        )}
        <FormErrors errors={data.errors} />
        <form method="post" action="/settings/email" class="stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <label>
            {e.newAddress}
            <input
              name="email"
              type="email"
              required
              autocomplete="email"
              value={data.email}
            />
          </label>
          <CurrentPasswordField
            label={auth.passwordFields.current}
            username={state.session?.account.username}
          />
          <div>
            <button type="submit">{e.submit}</button>
          </div>
        </form>
      </section>
    </>
  );
});
