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
import { signInFirst } from "../../lib/web/pages.ts";
import { clearSessionCookie } from "../../lib/web/session-cookie.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import { CurrentPasswordField } from "../../components/CurrentPasswordField.tsx";

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
      return page({ errors: [error.message] }, { status: 422 });
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
  return (
    <>
      <PageHead title="Settings · Delete account" />
      <h1>Settings</h1>
      {!deleteAfter && <SettingsNav current="/settings/delete" />}
      <section class="card">
        <h2>Delete account</h2>
        {deleteAfter
          ? (
            <>
              <p role="status">
                Your account will be deleted on{" "}
                <time datetime={deleteAfter.toISOString()}>
                  {deleteAfter.toUTCString()}
                </time>. Until then you can keep it.
              </p>
              <form method="post" action="/settings/delete">
                <input type="hidden" name="_csrf" value={state.csrfToken} />
                <button type="submit">Cancel the deletion</button>
              </form>
            </>
          )
          : (
            <>
              <p>
                Your posts, media, follows and profile will be removed, and
                other servers will be told to remove them too. Your username
                will not be available to anyone again. You have{" "}
                {ACCOUNT_DELETION_GRACE_DAYS}{" "}
                days to change your mind by signing in again; you are signed out
                everywhere at once.
              </p>
              <FormErrors errors={data.errors} />
              <form method="post" action="/settings/delete" class="stack">
                <input type="hidden" name="_csrf" value={state.csrfToken} />
                <CurrentPasswordField
                  name="password"
                  username={state.session?.account.username}
                />
                <div>
                  <button type="submit" class="danger">
                    Delete my account
                  </button>
                </div>
              </form>
            </>
          )}
      </section>
    </>
  );
});
