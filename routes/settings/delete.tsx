import { page } from "fresh";
import { define } from "../../utils.ts";
import {
  ACCOUNT_DELETION_GRACE_DAYS,
  cancelAccountDeletion,
  requestAccountDeletion,
} from "../../lib/domain/account-deletion.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { clearSessionCookie } from "../../lib/web/session-cookie.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import { CurrentPasswordField } from "../../components/CurrentPasswordField.tsx";
import { formatDateTime } from "../../components/format.ts";

interface Data {
  errors: string[];
}

/**
 * Deleting one's own account: the password confirms it, every session ends, and the account
 * goes after a grace period. Signing in meanwhile leads here (lib/web/limited-session.ts),
 * where the request can be cancelled.
 */
export const handler = define.handlers<Data>({
  GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page({ errors: [] });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const { deps } = ctx.state;
    if (session.user.delete_after) {
      await cancelAccountDeletion(deps, session.user.id);
      return ctx.redirect("/home", 303);
    }
    try {
      await requestAccountDeletion(deps, session, field(form, "password"));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({ errors: [formError(messages(ctx), error)] }, {
        status: 422,
      });
    }
    const response = ctx.redirect("/auth/sign_in?deletion_requested=1", 303);
    clearSessionCookie(response.headers, deps.config);
    return response;
  },
});

export default define.page<typeof handler>(function DeleteAccount(
  { data, state },
) {
  const deleteAfter = state.session?.user.delete_after;
  const { settings: t, auth } = messages({ state });
  const d = t.delete;
  return (
    <>
      <PageHead title={fill(t.pageTitle, { page: d.title })} />
      <h1>{t.heading}</h1>
      {!deleteAfter && (
        <SettingsNav current="/settings/delete" labels={t.nav} />
      )}
      <section class="card">
        <h2>{d.title}</h2>
        {deleteAfter
          ? (
            <>
              <p role="status">
                {d.scheduledBefore}
                <time datetime={deleteAfter.toISOString()}>
                  {formatDateTime(
                    deleteAfter.toISOString(),
                    state.locale ?? "en",
                  )}
                </time>
                {d.scheduledAfter}
              </p>
              <form method="post" action="/settings/delete">
                <input type="hidden" name="_csrf" value={state.csrfToken} />
                <button type="submit">{d.cancel}</button>
              </form>
            </>
          )
          : (
            <>
              <p>{fill(d.intro, { days: ACCOUNT_DELETION_GRACE_DAYS })}</p>
              <FormErrors errors={data.errors} />
              <form method="post" action="/settings/delete" class="stack">
                <input type="hidden" name="_csrf" value={state.csrfToken} />
                <CurrentPasswordField
                  name="password"
                  label={auth.passwordFields.current}
                  username={state.session?.account.username}
                />
                <div>
                  <button type="submit" class="danger">
                    {d.submit}
                  </button>
                </div>
              </form>
            </>
          )}
      </section>
    </>
  );
});
