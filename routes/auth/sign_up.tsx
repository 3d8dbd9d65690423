import { page } from "fresh";
import { emailConfirmationRequired } from "../../lib/domain/accounts.ts";
import { define } from "../../utils.ts";
import {
  register,
  type SignUpOffer,
  signUpOffer,
} from "../../lib/domain/registration.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { startWebSession } from "../../lib/domain/sessions.ts";
import { field, readVerifiedForm } from "../../lib/web/forms.ts";
import { formError } from "../../lib/web/form-errors.ts";
import { fill } from "../../lib/i18n/fill.ts";
import { clientAddress } from "../../lib/web/client-ip.ts";
import { setSessionCookie } from "../../lib/web/session-cookie.ts";
import { messages, type PageContext } from "../../lib/web/pages.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { PageHead } from "../../components/PageHead.tsx";
import {
  currentTerms,
  listRules,
  type RuleRow,
} from "../../lib/instance/mod.ts";

interface Data {
  errors: string[];
  values: {
    username: string;
    email: string;
    reason: string;
    dateOfBirth: string;
  };
  offer:
    & Pick<
      SignUpOffer,
      "mode" | "open" | "approvalRequired" | "reasonRequired" | "minAge"
    >
    & { inviteCode: string; invitedBy: string | null };
  /** The server's rules, which a newcomer agrees to follow. */
  rules: RuleRow[];
  hasTerms: boolean;
  /** An invite link that is used up, expired or unknown. */
  badInvite?: boolean;
  pending?: boolean;
}

const empty = { username: "", email: "", reason: "", dateOfBirth: "" };

/**
 * /auth/sign_up — the sign-up form (`?invite_code=` from an invite link, /invite/:code). What it
 * offers and what it refuses are the registration rules' (lib/domain/registration.ts).
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (ctx.state.session) return ctx.redirect("/home");
    const code = ctx.url.searchParams.get("invite_code") ?? "";
    return page({ errors: [], values: empty, ...await offerFor(ctx, code) });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const form = await readVerifiedForm(ctx.req, deps);
    if (!form) {
      return page({
        errors: [messages(ctx).errors.csrfFailed],
        values: empty,
        ...await offerFor(ctx, ""),
      }, { status: 403 });
    }
    const code = field(form, "invite_code");
    const values = {
      username: field(form, "username"),
      email: field(form, "email"),
      reason: field(form, "reason"),
      dateOfBirth: field(form, "date_of_birth"),
    };
    const refuse = async (errors: string[], status: number) =>
      page({ errors, values, ...await offerFor(ctx, code) }, { status });
    if (field(form, "password") !== field(form, "password_confirmation")) {
      return await refuse([messages(ctx).errors.passwordsDiffer], 422);
    }
    // Behind a trusted proxy, the address it forwarded (what IP blocks and sessions record).
    const ip = clientAddress(ctx.req, ctx.info, deps.config.trustedProxies);
    try {
      const { user } = await register(deps, {
        username: values.username,
        email: values.email,
        password: field(form, "password"),
        reason: values.reason || null,
        inviteCode: code || null,
        ip,
        dateOfBirth: values.dateOfBirth || null,
      });
      if (!user.approved) {
        return page({
          errors: [],
          values,
          ...await offerFor(ctx, ""),
          pending: true,
        });
      }
      const secret = await startWebSession(deps.sql, deps.secret, user.id, {
        userAgent: ctx.req.headers.get("user-agent"),
        ip,
      });
      const response = ctx.redirect("/home", 303);
      setSessionCookie(response.headers, deps.config, secret);
      return response;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return await refuse(
        [formError(messages(ctx), error)],
        error.kind === "forbidden" ? 403 : 422,
      );
    }
  },
});

async function offerFor(
  ctx: PageContext,
  inviteCode: string,
): Promise<Pick<Data, "offer" | "badInvite" | "rules" | "hasTerms">> {
  const { deps } = ctx.state;
  const [offer, rules, terms] = await Promise.all([
    signUpOffer(
      deps,
      clientAddress(ctx.req, ctx.info, deps.config.trustedProxies),
      inviteCode || null,
    ),
    listRules(deps.sql),
    currentTerms(deps.sql),
  ]);
  return {
    rules,
    hasTerms: terms !== null,
    offer: {
      mode: offer.mode,
      open: offer.open,
      approvalRequired: offer.approvalRequired,
      reasonRequired: offer.reasonRequired,
      minAge: offer.minAge,
      inviteCode: offer.invite ? inviteCode : "",
      invitedBy: offer.invite?.inviter_username ?? null,
    },
    badInvite: inviteCode !== "" && !offer.invite,
  };
}

export default define.page<typeof handler>(function SignUp({ data, state }) {
  const { offer } = data;
  const t = messages({ state }).auth.signUp;
  if (data.pending) {
    return (
      <section class="card narrow">
        <PageHead title={t.title} />
        <h1>{t.pendingHeading}</h1>
        <p>{t.pending}</p>
        {emailConfirmationRequired(state.deps.config) && (
          <p>{t.pendingConfirm}</p>
        )}
      </section>
    );
  }
  if (!offer.open) {
    return (
      <section class="card narrow">
        <PageHead title={t.title} />
        <h1>{t.title}</h1>
        {data.badInvite && <p>{t.badInviteClosed}</p>}
        <p>{t.closed}</p>
        <FormErrors errors={data.errors} />
      </section>
    );
  }
  return (
    <section class="card narrow">
      <PageHead title={t.title} />
      <h1>{t.heading}</h1>
      {offer.invitedBy && (
        <p class="invited-by">
          {fill(t.invitedBy, { username: offer.invitedBy })}
        </p>
      )}
      {data.badInvite && <p>{t.badInvite}</p>}
      {offer.approvalRequired && <p>{t.reviewed}</p>}
      {data.rules.length > 0 && (
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">{t.rules}</h2>
          <p>{t.rulesAgree}</p>
          <ol class="rules">
            {data.rules.map((rule) => (
              <li>
                <strong>{rule.text}</strong>
                {rule.hint && <p>{rule.hint}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      <FormErrors errors={data.errors} />
      <form method="post" action="/auth/sign_up" class="stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        {offer.inviteCode && (
          <input type="hidden" name="invite_code" value={offer.inviteCode} />
        )}
        <label>
          {t.username}
          <input
            name="username"
            required
            maxLength={30}
            pattern="[A-Za-z0-9_]+"
            autocomplete="username"
            value={data.values.username}
            aria-describedby="username-help"
          />
        </label>
        <small id="username-help">
          {t.usernameHelp}
        </small>
        <label>
          {t.email}
          <input
            name="email"
            type="email"
            required
            autocomplete="email"
            value={data.values.email}
          />
        </label>
        <label>
          {t.password}
          <input
            name="password"
            type="password"
            required
            minLength={8}
            autocomplete="new-password"
          />
        </label>
        <label>
          {t.confirmPassword}
          <input
            name="password_confirmation"
            type="password"
            required
            minLength={8}
            autocomplete="new-password"
          />
        </label>
        {offer.minAge !== null && (
          <label>
            {fill(t.dateOfBirth, { age: offer.minAge })}
            <input
              name="date_of_birth"
              type="date"
              required
              value={data.values.dateOfBirth}
              autocomplete="bday"
            />
          </label>
        )}
        {offer.approvalRequired && (
          <label>
            {t.reason}
            <textarea
              name="reason"
              rows={3}
              maxLength={500}
              required={offer.reasonRequired}
            >
              {data.values.reason}
            </textarea>
          </label>
        )}
        <p>
          {t.acceptBefore}
          <a href="/privacy-policy">{t.privacyPolicy}</a>
          {data.hasTerms && (
            <>
              {t.acceptAnd}
              <a href="/terms-of-service">{t.termsOfService}</a>
            </>
          )}
          {t.acceptAfter}
        </p>
        <button type="submit">{t.submit}</button>
      </form>
      <p>
        {t.haveAccount} <a href="/auth/sign_in">{t.signIn}</a>
      </p>
    </section>
  );
});
