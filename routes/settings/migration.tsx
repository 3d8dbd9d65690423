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
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import { CurrentPasswordField } from "../../components/CurrentPasswordField.tsx";
import { formatDateTime } from "../../components/format.ts";

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
      return page({
        errors: [formError(messages(ctx), error)],
        acct,
        movedTo: null,
      }, {
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
  const { settings, auth } = messages({ state });
  const t = settings.migration;
  return (
    <>
      <PageHead title={fill(settings.pageTitle, { page: t.title })} />
      <h1>{settings.heading}</h1>
      <SettingsNav current="/settings/migration" labels={settings.nav} />
      <section class="card">
        <h2>{t.title}</h2>
        {data.movedTo
          ? (
            <>
              <p role="status">
                {t.movedBefore}
                <strong>{data.movedTo}</strong>
                {t.movedAfter}
              </p>
              <form method="post" action="/settings/migration">
                <input type="hidden" name="_csrf" value={state.csrfToken} />
                <input type="hidden" name="cancel" value="1" />
                <button type="submit">{t.cancel}</button>
              </form>
            </>
          )
          : (
            <>
              <p>{t.intro}</p>
              {next && (
                <p class="notice" role="status">
                  {fill(t.movedRecently, {
                    date: formatDateTime(
                      next.toISOString(),
                      state.locale ?? "en",
                    ),
                  })}
                </p>
              )}
              <FormErrors errors={data.errors} />
              <form method="post" action="/settings/migration" class="stack">
                <input type="hidden" name="_csrf" value={state.csrfToken} />
                <label>
                  {t.handle}
                  <input
                    name="acct"
                    required
                    placeholder="@username@example.com"
                    value={data.acct}
                  />
                </label>
                <CurrentPasswordField
                  label={auth.passwordFields.current}
                  username={account?.username}
                />
                <label>
                  <input type="checkbox" name="redirect_only" value="1" />{" "}
                  {t.redirectOnly}
                </label>
                <div>
                  <button type="submit">{t.submit}</button>
                </div>
              </form>
            </>
          )}
      </section>
    </>
  );
});
