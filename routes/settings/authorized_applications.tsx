import { page } from "fresh";
import { define } from "../../utils.ts";
import {
  type AuthorizedApplication,
  listAuthorizedApplications,
  revokeAuthorizedApplication,
} from "../../lib/domain/authorized-applications.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { messages, signInFirst } from "../../lib/web/pages.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { formatDateTime } from "../../components/format.ts";
import { PageHead } from "../../components/PageHead.tsx";

interface Data {
  apps: AuthorizedApplication[];
  revoked: boolean;
}

/**
 * The apps the user let into their account (Mastodon's authorized applications). Revoking one
 * ends its tokens and their open streams at once.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    return page({
      apps: await listAuthorizedApplications(
        ctx.state.deps.sql,
        session.user.id,
      ),
      revoked: ctx.url.searchParams.has("revoked"),
    });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const { deps } = ctx.state;
    await revokeAuthorizedApplication(
      deps.sql,
      session.user.id,
      field(form, "application_id"),
      deps.effects,
    );
    return ctx.redirect("/settings/authorized_applications?revoked=1", 303);
  },
});

export default define.page<typeof handler>(function AuthorizedApplications(
  { data, state },
) {
  const { settings } = messages({ state });
  const t = settings.apps;
  return (
    <>
      <PageHead title={fill(settings.pageTitle, { page: t.title })} />
      <h1>{settings.heading}</h1>
      <SettingsNav
        current="/settings/authorized_applications"
        labels={settings.nav}
      />
      <section class="card">
        <h2>{t.heading}</h2>
        <p>{t.intro}</p>
        {data.revoked && <p class="notice" role="status">{t.revoked}</p>}
        {data.apps.length === 0 && <p class="empty">{t.none}</p>}
        <ul class="stack authorized-apps">
          {data.apps.map((app) => (
            <li key={app.id} class="authorized-app">
              <h3>
                {app.website
                  ? (
                    <a href={app.website} rel="noopener nofollow noreferrer">
                      {app.name}
                    </a>
                  )
                  : app.name}
              </h3>
              <p>
                {t.can} <span class="scopes">{app.scopes.join(", ")}</span>
              </p>
              <p>
                {t.authorized}{" "}
                <time datetime={app.authorizedAt.toISOString()}>
                  {formatDateTime(
                    app.authorizedAt.toISOString(),
                    state.locale ?? "en",
                  )}
                </time>
                {app.lastUsedAt && (
                  <>
                    {t.lastUsed}
                    <time datetime={app.lastUsedAt.toISOString()}>
                      {formatDateTime(
                        app.lastUsedAt.toISOString(),
                        state.locale ?? "en",
                      )}
                    </time>
                  </>
                )}
              </p>
              <form method="post" action="/settings/authorized_applications">
                <input type="hidden" name="_csrf" value={state.csrfToken} />
                <input type="hidden" name="application_id" value={app.id} />
                <button type="submit" class="small secondary">
                  {t.revoke}
                  <span class="visually-hidden">{` ${app.name}`}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
});
