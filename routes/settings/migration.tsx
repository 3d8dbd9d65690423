import { page } from "fresh";
import { define } from "../../utils.ts";
import { findAccountById } from "../../lib/db/accounts.ts";
import {
  cancelMove,
  moveAccount,
  nextMoveAllowedAt,
} from "../../lib/domain/account-moves.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { signInFirst } from "../../lib/web/pages.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import { CurrentPasswordField } from "../../components/CurrentPasswordField.tsx";

interface Data {
  errors: string[];
  acct: string;
  /** The handle of the account this one moved to, when it did. */
  movedTo: string | null;
}

async function movedToHandle(
  sql: Parameters<typeof findAccountById>[0],
  id: string | null,
): Promise<string | null> {
  const target = id ? await findAccountById(sql, id) : null;
  if (!target) return null;
  return target.domain
    ? `@${target.username}@${target.domain}`
    : `@${target.username}`;
}

/**
 * Moving to another account (Mastodon's `/settings/migration`): the password and the new
 * account's handle; the new account must list this one as an alias. "Move" sends the
 * followers along; "Redirect only" just points the profile there. A redirect can be cancelled.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const { session, deps } = ctx.state;
    if (!session) return signInFirst(ctx);
    return page({
      errors: [],
      acct: "",
      movedTo: await movedToHandle(
        deps.sql,
        session.account.moved_to_account_id,
      ),
    });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const { deps } = ctx.state;
    if (field(form, "cancel")) {
      await cancelMove(deps, session.account);
      return ctx.redirect("/settings/migration", 303);
    }
    const acct = field(form, "acct");
    try {
      await moveAccount(deps, session, {
        password: field(form, "current_password"),
        target: acct,
        redirectOnly: field(form, "redirect_only") === "1",
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({ errors: [error.message], acct, movedTo: null }, {
        status: 422,
      });
    }
    return ctx.redirect("/settings/migration", 303);
  },
});

export default define.page<typeof handler>(function Migration(
  { data, state },
) {
  const account = state.session?.account;
  const next = account ? nextMoveAllowedAt(account) : null;
  return (
    <>
      <PageHead title="Settings · Move to another account" />
      <h1>Settings</h1>
      <SettingsNav current="/settings/migration" />
      <section class="card">
        <h2>Move to another account</h2>
        {data.movedTo
          ? (
            <>
              <p role="status">
                This account has moved to{" "}
                <strong>{data.movedTo}</strong>. It can no longer post, and its
                profile points there.
              </p>
              <form method="post" action="/settings/migration">
                <input type="hidden" name="_csrf" value={state.csrfToken} />
                <input type="hidden" name="cancel" value="1" />
                <button type="submit">Cancel redirect</button>
              </form>
            </>
          )
          : (
            <>
              <p>
                First add this account as an alias on the new account. Moving
                sends your followers to the new account (your posts stay here),
                and this account can no longer post. You can move once every 30
                days.
              </p>
              {next && (
                <p class="notice" role="status">
                  You moved recently: you can move again after{" "}
                  {next.toUTCString()}.
                </p>
              )}
              <FormErrors errors={data.errors} />
              <form method="post" action="/settings/migration" class="stack">
                <input type="hidden" name="_csrf" value={state.csrfToken} />
                <label>
                  Handle of the new account
                  <input
                    name="acct"
                    required
                    placeholder="@username@example.com"
                    value={data.acct}
                  />
                </label>
                <CurrentPasswordField username={account?.username} />
                <label>
                  <input type="checkbox" name="redirect_only" value="1" />{" "}
                  Redirect only: point the profile to the new account without
                  moving followers
                </label>
                <div>
                  <button type="submit">Move followers</button>
                </div>
              </form>
            </>
          )}
      </section>
    </>
  );
});
