import { page } from "fresh";
import { define } from "../../utils.ts";
import { authenticate } from "../../lib/domain/accounts.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { registrationMode } from "../../lib/instance/mod.ts";
import { startWebSession } from "../../lib/domain/sessions.ts";
import { isTwoFactorEnabled } from "../../lib/domain/two-factor.ts";
import { setPendingSignIn } from "../../lib/web/pending-sign-in.ts";
import {
  clientIp,
  field,
  readVerifiedForm,
  safeReturnTo,
} from "../../lib/web/forms.ts";
import { setSessionCookie } from "../../lib/web/session-cookie.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { rateLimitHeaders } from "../../lib/web/rate-limit.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { OAUTH_PAGE_HEADERS } from "../../lib/web/security-headers.ts";
import { noteSignIn } from "../../lib/mail/mod.ts";
import { clientAddress } from "../../lib/web/client-ip.ts";
import { messages } from "../../lib/web/pages.ts";
import { formError } from "../../lib/web/form-errors.ts";

/**
 * On the way to an app's consent page, the sign-in page takes the OAuth pages' policy too: its
 * form's answer leads there, and on to the app's URI should that page redirect at once.
 */
function pageHeaders(returnTo: string): HeadersInit {
  return returnTo.startsWith("/oauth/authorize?") ? OAUTH_PAGE_HEADERS : {};
}

interface Data {
  errors: string[];
  login: string;
  returnTo: string;
  /** Arrived from setting a new password by mail. */
  passwordReset?: boolean;
  /** Arrived from asking to delete the account (routes/settings/delete.tsx). */
  deletionRequested?: boolean;
}

export const handler = define.handlers<Data>({
  GET(ctx) {
    const returnTo = safeReturnTo(ctx.url.searchParams.get("return_to"));
    if (
      ctx.state.session && ctx.url.searchParams.get("force_login") !== "true"
    ) {
      return ctx.redirect(returnTo);
    }
    return page({
      errors: [],
      login: "",
      returnTo,
      passwordReset: ctx.url.searchParams.has("password_reset"),
      deletionRequested: ctx.url.searchParams.has("deletion_requested"),
    }, { headers: pageHeaders(returnTo) });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const form = await readVerifiedForm(ctx.req, deps);
    if (!form) {
      return page({
        errors: [messages(ctx).errors.csrfFailed],
        login: "",
        returnTo: "/home",
      }, { status: 403 });
    }
    const login = field(form, "login");
    const returnTo = safeReturnTo(field(form, "return_to"));
    const refused = deps.rateLimits.countSignIn(ctx.req, login);
    if (refused) {
      return page({
        errors: [messages(ctx).errors.tooManySignIns],
        login,
        returnTo,
      }, {
        status: 429,
        headers: { ...rateLimitHeaders(refused), ...pageHeaders(returnTo) },
      });
    }
    try {
      const signedIn = await authenticate(
        deps.sql,
        login,
        field(form, "password"),
      );
      if (await isTwoFactorEnabled(deps.sql, signedIn.user.id)) {
        // No session yet: the second step (routes/auth/two_factor.tsx) starts it, and notes
        // the sign-in.
        const response = ctx.redirect(
          `/auth/two_factor?return_to=${encodeURIComponent(returnTo)}`,
          303,
        );
        await setPendingSignIn(
          response.headers,
          deps.config,
          deps.secret,
          signedIn.user.id,
        );
        return response;
      }
      const client = {
        userAgent: ctx.req.headers.get("user-agent"),
        ip: clientIp(ctx.req, ctx.info),
      };
      const secret = await startWebSession(
        deps.sql,
        deps.secret,
        signedIn.user.id,
        client,
      );
      // A sign-in from an address never seen for this account is mailed about (the client's
      // address as the trusted proxies tell it).
      await noteSignIn(deps, signedIn, {
        userAgent: client.userAgent,
        ip: clientAddress(ctx.req, ctx.info, deps.config.trustedProxies),
      });
      const response = ctx.redirect(returnTo, 303);
      setSessionCookie(response.headers, deps.config, secret);
      return response;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({
        errors: [formError(messages(ctx), error)],
        login,
        returnTo,
      }, {
        status: error.kind === "unauthorized" ? 401 : 403,
        headers: pageHeaders(returnTo),
      });
    }
  },
});

// Async: the "create an account" link follows the registration mode admins set now.
const SignIn = define.page<typeof handler>(async ({ data, state }) => {
  const registrationsOpen = await registrationMode(state.deps) !== "closed";
  const t = messages({ state }).auth.signIn;
  return (
    <section class="card narrow">
      <PageHead title={t.title} />
      <h1>{t.title}</h1>
      {data.passwordReset && (
        <p class="notice" role="status">{t.passwordReset}</p>
      )}
      {data.deletionRequested && (
        <p class="notice" role="status">{t.deletionRequested}</p>
      )}
      <FormErrors errors={data.errors} />
      <form method="post" action="/auth/sign_in" class="stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <input type="hidden" name="return_to" value={data.returnTo} />
        <label>
          {t.login}
          <input
            name="login"
            required
            autocomplete="username"
            value={data.login}
          />
        </label>
        <label>
          {t.password}
          <input
            name="password"
            type="password"
            required
            autocomplete="current-password"
          />
        </label>
        <button type="submit">{t.submit}</button>
      </form>
      <p>
        <a href="/auth/password/new">{t.forgotPassword}</a>
      </p>
      {registrationsOpen && (
        <p>
          {t.newHere} <a href="/auth/sign_up">{t.createAccount}</a>
        </p>
      )}
    </section>
  );
});

export default SignIn;
