import { page } from "fresh";
import { define } from "../../utils.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { startWebSession } from "../../lib/domain/sessions.ts";
import { verifySecondFactor } from "../../lib/domain/two-factor.ts";
import {
  relyingParty,
  signInOptions,
  verifySecurityKey,
} from "../../lib/domain/security-keys.ts";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import SecurityKeyButton from "../../islands/SecurityKeyButton.tsx";
import { messages, type PageContext } from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";
import {
  clientIp,
  field,
  readVerifiedForm,
  safeReturnTo,
} from "../../lib/web/forms.ts";
import {
  clearPendingSignIn,
  readPendingSignIn,
} from "../../lib/web/pending-sign-in.ts";
import { setSessionCookie } from "../../lib/web/session-cookie.ts";
import { rateLimitHeaders } from "../../lib/web/rate-limit.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { noteSignIn } from "../../lib/mail/mod.ts";
import { clientAddress } from "../../lib/web/client-ip.ts";
import { findAccountById, findUserById } from "../../lib/db/accounts.ts";
import { PageHead } from "../../components/PageHead.tsx";

interface Data {
  errors: string[];
  returnTo: string;
  /** When the user has security keys: the options to sign in with one (a fresh challenge). */
  keyOptions: PublicKeyCredentialRequestOptionsJSON | null;
}

const keyOptionsFor = (ctx: PageContext, userId: string) =>
  signInOptions(
    ctx.state.deps.sql,
    relyingParty(ctx.state.deps.config),
    userId,
  );

/**
 * /auth/two_factor — the second step of signing in: a code from the authenticator app, a
 * recovery code, or one of the user's security keys (its answer posted as `response`), for the
 * user whose password was right a moment ago (pending-sign-in.ts). Attempts count against the
 * same limit as passwords.
 */
export const handler = define.handlers<Data>({
  async GET(ctx) {
    const returnTo = safeReturnTo(ctx.url.searchParams.get("return_to"));
    const userId = await readPendingSignIn(ctx.req, ctx.state.deps.secret);
    if (!userId) {
      return ctx.redirect(
        `/auth/sign_in?return_to=${encodeURIComponent(returnTo)}`,
      );
    }
    return page({
      errors: [],
      returnTo,
      keyOptions: await keyOptionsFor(ctx, userId),
    });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const form = await readVerifiedForm(ctx.req, deps);
    const returnTo = safeReturnTo(form ? field(form, "return_to") : null);
    if (!form) {
      return page({
        errors: [messages(ctx).errors.csrfFailed],
        returnTo,
        keyOptions: null,
      }, { status: 403 });
    }
    const userId = await readPendingSignIn(ctx.req, deps.secret);
    if (!userId) {
      return page({
        errors: [messages(ctx).errors.signInTookTooLong],
        returnTo,
        keyOptions: null,
      }, { status: 401 });
    }
    const refused = deps.rateLimits.countSignIn(ctx.req, `2fa:${userId}`);
    if (refused) {
      return page({
        errors: [messages(ctx).errors.tooManyAttempts],
        returnTo,
        keyOptions: null,
      }, { status: 429, headers: rateLimitHeaders(refused) });
    }
    const keyAnswer = field(form, "response");
    try {
      if (keyAnswer) {
        await verifySecurityKey(
          deps.sql,
          relyingParty(deps.config),
          userId,
          keyAnswer,
        );
      } else {
        await verifySecondFactor(deps.sql, userId, field(form, "code"));
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({
        errors: [formError(messages(ctx), error)],
        returnTo,
        keyOptions: await keyOptionsFor(ctx, userId),
      }, { status: 401 });
    }
    const client = {
      userAgent: ctx.req.headers.get("user-agent"),
      ip: clientIp(ctx.req, ctx.info),
    };
    const secret = await startWebSession(deps.sql, deps.secret, userId, client);
    // As a one-step sign-in does: an address never seen for this account is mailed about.
    const user = await findUserById(deps.sql, userId);
    const account = user && await findAccountById(deps.sql, user.account_id);
    if (user && account) {
      await noteSignIn(deps, { user, account }, {
        userAgent: client.userAgent,
        ip: clientAddress(ctx.req, ctx.info, deps.config.trustedProxies),
      });
    }
    const response = ctx.redirect(returnTo, 303);
    clearPendingSignIn(response.headers, deps.config);
    setSessionCookie(response.headers, deps.config, secret);
    return response;
  },
});

export default define.page<typeof handler>(function TwoFactor(
  { data, state },
) {
  const { auth } = messages({ state });
  const t = auth.twoFactor;
  return (
    <section class="card narrow">
      <PageHead title={t.title} />
      <h1>{t.title}</h1>
      <FormErrors errors={data.errors} />
      {data.keyOptions && (
        <form
          id="security-key-sign-in"
          method="post"
          action="/auth/two_factor"
          class="stack"
        >
          <input type="hidden" name="_csrf" value={state.csrfToken} />
          <input type="hidden" name="return_to" value={data.returnTo} />
          <input type="hidden" name="response" value="" />
          <SecurityKeyButton
            ceremony={{ kind: "sign_in", options: data.keyOptions }}
            formId="security-key-sign-in"
            label={t.useKey}
            messages={auth.securityKey}
          />
        </form>
      )}
      <form method="post" action="/auth/two_factor" class="stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <input type="hidden" name="return_to" value={data.returnTo} />
        <label>
          {t.code}
          <input
            name="code"
            required
            autocomplete="one-time-code"
            inputMode="numeric"
            autofocus
          />
        </label>
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
});
