import { page } from "fresh";
import { define } from "../../utils.ts";
import { authenticate, setPassword } from "../../lib/domain/accounts.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { startWebSession } from "../../lib/domain/sessions.ts";
import { clientIp, field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { setSessionCookie } from "../../lib/web/session-cookie.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import { NewPasswordFields } from "../../components/NewPasswordFields.tsx";
import { CurrentPasswordField } from "../../components/CurrentPasswordField.tsx";

interface Data {
  errors: string[];
  saved: boolean;
}

/**
 * Changing the password signs out every other session and app (the domain revokes them all);
 * this browser gets a fresh session so the person stays signed in here.
 */
export const handler = define.handlers<Data>({
  GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page({ errors: [], saved: ctx.url.searchParams.has("saved") });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const { deps } = ctx.state;
    const next = field(form, "password");
    if (next !== field(form, "password_confirmation")) {
      return page({
        errors: [messages(ctx).errors.passwordsDiffer],
        saved: false,
      }, { status: 422 });
    }
    try {
      await authenticate(
        deps.sql,
        session.account.username,
        field(form, "current_password"),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({
        errors: [messages(ctx).errors.currentPasswordWrong],
        saved: false,
      }, {
        status: 422,
      });
    }
    try {
      await setPassword(deps.sql, session.user.id, next, deps.effects);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({
        errors: [formError(messages(ctx), error)],
        saved: false,
      }, { status: 422 });
    }
    const secret = await startWebSession(
      deps.sql,
      deps.secret,
      session.user.id,
      {
        userAgent: ctx.req.headers.get("user-agent"),
        ip: clientIp(ctx.req, ctx.info),
      },
    );
    const response = ctx.redirect("/settings/password?saved=1", 303);
    setSessionCookie(response.headers, deps.config, secret);
    return response;
  },
});

export default define.page<typeof handler>(function PasswordSettings(
  { data, state },
) {
  const { settings: t, auth } = messages({ state });
  return (
    <>
      <PageHead title={fill(t.pageTitle, { page: t.password.title })} />
      <h1>{t.heading}</h1>
      <SettingsNav current="/settings/password" labels={t.nav} />
      <section class="card">
        <h2>{t.password.heading}</h2>
        {data.saved && <p class="notice" role="status">{t.password.saved}</p>}
        <FormErrors errors={data.errors} />
        <form method="post" action="/settings/password" class="stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <CurrentPasswordField
            label={auth.passwordFields.current}
            username={state.session?.account.username}
          />
          <NewPasswordFields labels={auth.passwordFields} />
          <div>
            <button type="submit">{t.password.submit}</button>
          </div>
        </form>
      </section>
    </>
  );
});
