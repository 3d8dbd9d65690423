import { page } from "fresh";
import { define } from "../../utils.ts";
import { updateProfile } from "../../lib/domain/profiles.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import { RadioChoices } from "../../components/RadioChoices.tsx";
import BrowserNotifications from "../../islands/BrowserNotifications.tsx";
import {
  type MailChoice,
  NOTIFICATION_EMAIL_TYPES,
  notificationEmailChoices,
  saveNotificationEmailChoices,
} from "../../lib/mail/mod.ts";
import { loadActor, staffMailsFor } from "../../lib/moderation/mod.ts";
import {
  messages,
  type PageContext,
  signInFirst,
} from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { LOCALE_NAMES } from "../../lib/i18n/mod.ts";

interface Data {
  privacy: string;
  theme: string;
  locale: string;
  sensitive: boolean;
  /** Which notifications come by e-mail. */
  emails: Record<MailChoice, boolean>;
  /** The e-mails offered: every notification type, and the staff mails of the user's role. */
  offered: MailChoice[];
  errors: string[];
  saved: boolean;
}

/**
 * Posting defaults (who sees new posts, marking media sensitive), the web UI's theme and, in
 * their own forms, which notifications come by e-mail.
 */
/** The e-mails this user may choose: staff mails only for a role that gets them. */
async function offeredMails(ctx: PageContext): Promise<MailChoice[]> {
  const user = ctx.state.session!.user;
  return [
    ...NOTIFICATION_EMAIL_TYPES,
    ...staffMailsFor(await loadActor(ctx.state.deps.sql, user)),
  ];
}

export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    return page({
      privacy: session.user.default_privacy,
      theme: session.user.theme,
      locale: session.user.locale,
      sensitive: session.user.default_sensitive,
      emails: notificationEmailChoices(session.user),
      offered: await offeredMails(ctx),
      errors: [],
      saved: ctx.url.searchParams.has("saved"),
    });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    if (field(form, "form") === "notification_emails") {
      const choices = Object.fromEntries(
        (await offeredMails(ctx)).map((t) => [t, field(form, t) === "on"]),
      ) as Partial<Record<MailChoice, boolean>>;
      await saveNotificationEmailChoices(
        ctx.state.deps,
        session.user.id,
        choices,
      );
      return ctx.redirect("/settings/preferences?saved=1", 303);
    }
    const appearance = field(form, "form") === "appearance";
    const privacy = appearance
      ? session.user.default_privacy
      : field(form, "default_privacy");
    const sensitive = appearance
      ? session.user.default_sensitive
      : field(form, "default_sensitive") === "on";
    const theme = appearance ? field(form, "theme") : session.user.theme;
    const locale = appearance ? field(form, "locale") : session.user.locale;
    try {
      await updateProfile(
        ctx.state.deps,
        session,
        appearance ? { theme, locale } : { privacy, sensitive },
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page(
        {
          privacy,
          theme,
          locale,
          sensitive,
          emails: notificationEmailChoices(session.user),
          offered: await offeredMails(ctx),
          errors: [formError(messages(ctx), error)],
          saved: false,
        },
        {
          status: 422,
        },
      );
    }
    return ctx.redirect("/settings/preferences?saved=1", 303);
  },
});

export default define.page<typeof handler>(function Preferences(
  { data, state },
) {
  const all = messages({ state });
  const t = all.settings;
  const p = t.preferences;
  return (
    <>
      <PageHead title={fill(t.pageTitle, { page: t.nav.preferences })} />
      <h1>{t.heading}</h1>
      <SettingsNav current="/settings/preferences" labels={t.nav} />
      <section class="card">
        <h2>{p.heading}</h2>
        {data.saved && <p class="notice" role="status">{p.saved}</p>}
        <FormErrors errors={data.errors} />
        <form method="post" action="/settings/preferences" class="stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <fieldset>
            <legend>{p.visibility}</legend>
            <RadioChoices
              name="default_privacy"
              choices={Object.entries(p.visibilityChoices).map((
                [value, [label, help]],
              ) => [value, label, help])}
              checked={data.privacy}
            />
          </fieldset>
          <label class="checkbox">
            <input
              type="checkbox"
              name="default_sensitive"
              checked={data.sensitive}
            />
            {p.sensitive}
          </label>
          <div>
            <button type="submit">{p.save}</button>
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="appearance">
        <h2 id="appearance">{p.appearance}</h2>
        <form method="post" action="/settings/preferences" class="stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <input type="hidden" name="form" value="appearance" />
          <fieldset>
            <legend>{p.theme}</legend>
            <RadioChoices
              name="theme"
              choices={Object.entries(p.themeChoices)}
              checked={data.theme}
            />
          </fieldset>
          <fieldset>
            <legend>{all.language.legend}</legend>
            <RadioChoices
              name="locale"
              choices={Object.entries(LOCALE_NAMES)}
              checked={data.locale.split("-")[0]}
            />
          </fieldset>
          <div>
            <button type="submit">{p.saveAppearance}</button>
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="browser-notifications">
        <h2 id="browser-notifications">{p.browserNotifications}</h2>
        <BrowserNotifications
          vapidKey={state.deps.vapid.publicKey}
          csrf={state.csrfToken}
          labels={messages({ state }).push}
        />
      </section>
      <section class="card">
        <h2>{p.emailNotifications}</h2>
        <form method="post" action="/settings/preferences" class="stack">
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <input type="hidden" name="form" value="notification_emails" />
          <fieldset>
            <legend>{p.emailAbout}</legend>
            <div class="stack">
              {data.offered.map((type) => (
                <label class="checkbox">
                  <input
                    type="checkbox"
                    name={type}
                    checked={data.emails[type]}
                  />
                  {all.mail.notificationTypeNames[type]}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <button type="submit">{p.saveEmail}</button>
          </div>
        </form>
      </section>
    </>
  );
});
