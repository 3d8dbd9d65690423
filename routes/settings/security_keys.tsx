import { page } from "fresh";
import { define } from "../../utils.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { isTwoFactorEnabled } from "../../lib/domain/two-factor.ts";
import {
  addSecurityKey,
  listSecurityKeys,
  registrationOptions,
  relyingParty,
  removeSecurityKey,
  type SecurityKeyRow,
} from "../../lib/domain/security-keys.ts";
import { field } from "../../lib/web/forms.ts";
import { signedInForm } from "../../lib/web/actions.ts";
import {
  messages,
  type PageContext,
  signInFirst,
} from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { formatDate } from "../../components/format.ts";
import type { WebSession } from "../../lib/domain/sessions.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { SettingsNav } from "../../components/SettingsNav.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import SecurityKeyButton, {
  type SecurityKeyCeremony,
} from "../../islands/SecurityKeyButton.tsx";

interface Data {
  twoFactorOn: boolean;
  keys: SecurityKeyRow[];
  /** The options a new key is made with (a fresh challenge each time the page is shown). */
  ceremony: SecurityKeyCeremony | null;
  errors: string[];
  added: boolean;
}

/**
 * /settings/security_keys — security keys and passkeys as a second factor, once two-factor is
 * on with an app: add one (named; the button runs the browser's WebAuthn ceremony and posts the
 * key's answer with the form), see when each was last used, remove one.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const session = ctx.state.session;
    if (!session) return signInFirst(ctx);
    return page({
      ...await state(ctx, session),
      added: ctx.url.searchParams.has("added"),
    });
  },
  async POST(ctx) {
    const { session, form } = await signedInForm(ctx);
    const { sql } = ctx.state.deps;
    try {
      if (field(form, "do") === "remove") {
        await removeSecurityKey(sql, session.user.id, field(form, "key_id"));
        return ctx.redirect("/settings/security_keys", 303);
      }
      await addSecurityKey(sql, rp(ctx), session.user.id, {
        response: field(form, "response"),
        nickname: field(form, "nickname"),
      });
      return ctx.redirect("/settings/security_keys?added", 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({
        ...await state(ctx, session),
        errors: [formError(messages(ctx), error)],
      }, { status: error.kind === "not_found" ? 404 : 422 });
    }
  },
});

const rp = (ctx: PageContext) => relyingParty(ctx.state.deps.config);

async function state(ctx: PageContext, session: WebSession): Promise<Data> {
  const { sql } = ctx.state.deps;
  const twoFactorOn = await isTwoFactorEnabled(sql, session.user.id);
  return {
    twoFactorOn,
    keys: await listSecurityKeys(sql, session.user.id),
    ceremony: twoFactorOn
      ? {
        kind: "register",
        options: await registrationOptions(sql, rp(ctx), {
          id: session.user.id,
          name: session.account.username,
        }),
      }
      : null,
    errors: [],
    added: false,
  };
}

export default define.page<typeof handler>(function SecurityKeys(
  { data, state },
) {
  const csrf = <input type="hidden" name="_csrf" value={state.csrfToken} />;
  const date = (d: Date) => formatDate(d.toISOString(), state.locale ?? "en");
  const { settings, auth } = messages({ state });
  const t = settings.securityKeys;
  return (
    <>
      <PageHead title={t.title} />
      <SettingsNav current="/settings/two_factor" labels={settings.nav} />
      <h1>{t.title}</h1>
      <FormErrors errors={data.errors} />
      {data.added && <p role="status">{t.added}</p>}
      {!data.twoFactorOn && (
        <p>
          {t.needsTwoFactor}
          <a href="/settings/two_factor">{t.turnOnLink}</a>
          {t.needsTwoFactorAfter}
        </p>
      )}
      {data.keys.length > 0 && (
        <table class="card">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.addedAt}</th>
              <th scope="col">{t.lastUsed}</th>
              <th scope="col">
                <span class="visually-hidden">{t.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.keys.map((key) => (
              <tr key={key.id}>
                <td>{key.nickname}</td>
                <td>{date(key.created_at)}</td>
                <td>{key.last_used_at ? date(key.last_used_at) : t.never}</td>
                <td>
                  <form method="post" action="/settings/security_keys">
                    {csrf}
                    <input type="hidden" name="key_id" value={key.id} />
                    <button type="submit" name="do" value="remove">
                      {fill(t.remove, { name: key.nickname })}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.ceremony && (
        <form
          id="add-security-key"
          method="post"
          action="/settings/security_keys"
          class="card stack"
        >
          {csrf}
          <input type="hidden" name="response" value="" />
          <label>
            {t.newName}
            <input name="nickname" required maxLength={60} />
          </label>
          <noscript>
            <p>{t.needsJavaScript}</p>
          </noscript>
          <SecurityKeyButton
            ceremony={data.ceremony}
            formId="add-security-key"
            label={t.add}
            messages={auth.securityKey}
          />
        </form>
      )}
    </>
  );
});
