import { page } from "fresh";
import { define } from "../../utils.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import {
  beginEnrolment,
  confirmEnrolment,
  disableTwoFactor,
  type Enrolment,
  isTwoFactorEnabled,
  regenerateRecoveryCodes,
  unusedRecoveryCodes,
} from "../../lib/domain/two-factor.ts";
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
  enabled: boolean;
  /** While setting up: the secret, its URI and QR code. */
  enrolment: Enrolment | null;
  /** Shown once, right after they were made. */
  recoveryCodes: string[] | null;
  unusedCodes: number;
  errors: string[];
}

/**
 * /settings/two_factor — turn on sign-in with an authenticator app (`do=setup` shows the QR
 * code, `do=enable` checks a code and the password and shows the recovery codes once), make new
 * recovery codes, or turn it off (`do=disable`, with the password).
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    return page(await state(ctx.state.deps.sql, session.user.id));
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const { sql, config } = ctx.state.deps;
    const userId = session.user.id;
    const password = field(form, "password");
    const enrol = () =>
      beginEnrolment(
        sql,
        userId,
        `${session.account.username}@${config.host}`,
        config.host,
      );
    try {
      switch (field(form, "do")) {
        case "setup":
          return page({
            ...await state(sql, userId),
            enrolment: await enrol(),
          });
        case "enable": {
          const codes = await confirmEnrolment(sql, userId, {
            code: field(form, "code"),
            password,
          });
          return page({ ...await state(sql, userId), recoveryCodes: codes });
        }
        case "recovery_codes": {
          const codes = await regenerateRecoveryCodes(sql, userId, password);
          return page({ ...await state(sql, userId), recoveryCodes: codes });
        }
        case "disable":
          await disableTwoFactor(sql, userId, password);
          return ctx.redirect("/settings/two_factor", 303);
      }
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== "validation") {
        throw error;
      }
      const current = await state(sql, userId);
      return page({
        ...current,
        enrolment: current.enabled ? null : await enrol(),
        errors: [formError(messages(ctx), error)],
      }, { status: 422 });
    }
    return ctx.redirect("/settings/two_factor", 303);
  },
});

async function state(
  sql: Parameters<typeof isTwoFactorEnabled>[0],
  userId: string,
): Promise<Data> {
  const enabled = await isTwoFactorEnabled(sql, userId);
  return {
    enabled,
    enrolment: null,
    recoveryCodes: null,
    unusedCodes: enabled ? await unusedRecoveryCodes(sql, userId) : 0,
    errors: [],
  };
}

export default define.page<typeof handler>(function TwoFactorSettings(
  { data, state },
) {
  const csrf = <input type="hidden" name="_csrf" value={state.csrfToken} />;
  const { settings, auth } = messages({ state });
  const t = settings.twoFactor;
  const passwordField = (
    <CurrentPasswordField name="password" label={auth.passwordFields.yours} />
  );
  return (
    <>
      <PageHead title={t.title} />
      <SettingsNav current="/settings/two_factor" labels={settings.nav} />
      <h1>{t.title}</h1>
      <FormErrors errors={data.errors} />
      {data.recoveryCodes && (
        <section class="card" aria-labelledby="codes">
          <h2 id="codes">{t.codesHeading}</h2>
          <p>{t.codesHelp}</p>
          <ul class="recovery-codes">
            {data.recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.enabled
        ? (
          <>
            <p>{fill(t.on, { count: data.unusedCodes })}</p>
            <p>
              <a href="/settings/security_keys">{t.keysLink}</a>
              {t.keysAfter}
            </p>
            <form method="post" action="/settings/two_factor" class="card">
              {csrf}
              {passwordField}
              <button type="submit" name="do" value="recovery_codes">
                {t.newCodes}
              </button>{" "}
              <button type="submit" name="do" value="disable">
                {t.turnOff}
              </button>
            </form>
          </>
        )
        : data.enrolment
        ? (
          <form method="post" action="/settings/two_factor" class="card">
            {csrf}
            <input type="hidden" name="do" value="enable" />
            <p>{t.scan}</p>
            <div
              class="qr-code"
              role="img"
              aria-label={t.qrLabel}
              // The SVG comes from the qrcode library, built from our own URI.
              dangerouslySetInnerHTML={{ __html: data.enrolment.qrSvg }}
            />
            <p>
              {t.key} <code>{data.enrolment.secret}</code>
            </p>
            <label>
              {t.code}
              <input
                name="code"
                required
                autocomplete="one-time-code"
                inputMode="numeric"
              />
            </label>
            {passwordField}
            <button type="submit">{t.turnOn}</button>
          </form>
        )
        : (
          <form method="post" action="/settings/two_factor" class="card">
            {csrf}
            <p>{t.off}</p>
            <button type="submit" name="do" value="setup">{t.setUp}</button>
          </form>
        )}
    </>
  );
});
