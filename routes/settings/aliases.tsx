import { page } from "fresh";
import { define } from "../../utils.ts";
import { addAlias, removeAlias } from "../../lib/domain/account-moves.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";

interface Data {
  errors: string[];
  acct: string;
}

/**
 * Account aliases (`alsoKnownAs`): the accounts elsewhere that are also this person. Moving an
 * account *to* this one needs the old account listed here first, as Mastodon asks.
 */
export const handler = define.handlers<Data>({
  GET(ctx) {
    if (!ctx.state.session) return signInFirst(ctx);
    return page({ errors: [], acct: "" });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const { deps } = ctx.state;
    const remove = field(form, "remove");
    if (remove) {
      await removeAlias(deps, session.account, remove);
      return ctx.redirect("/settings/aliases", 303);
    }
    const acct = field(form, "acct");
    try {
      await addAlias(deps, session.account, acct);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({ errors: [formError(messages(ctx), error)], acct }, {
        status: 422,
      });
    }
    return ctx.redirect("/settings/aliases", 303);
  },
});

export default define.page<typeof handler>(function Aliases(
  { data, state },
) {
  const aliases = state.session?.account.also_known_as ?? [];
  const { settings } = messages({ state });
  const t = settings.aliases;
  return (
    <>
      <PageHead title={fill(settings.pageTitle, { page: t.title })} />
      <h1>{settings.heading}</h1>
      <SettingsNav current="/settings/aliases" labels={settings.nav} />
      <section class="card">
        <h2>{t.title}</h2>
        <p>{t.intro}</p>
        <FormErrors errors={data.errors} />
        <form method="post" action="/settings/aliases" class="stack">
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
          <div>
            <button type="submit">{t.create}</button>
          </div>
        </form>
        {aliases.length > 0 && (
          <ul class="aliases">
            {aliases.map((uri) => (
              <li>
                <a href={uri}>{uri}</a>{" "}
                <form method="post" action="/settings/aliases" class="inline">
                  <input type="hidden" name="_csrf" value={state.csrfToken} />
                  <input type="hidden" name="remove" value={uri} />
                  <button type="submit">{t.remove}</button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
});
