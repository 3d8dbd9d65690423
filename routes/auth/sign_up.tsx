import { page } from "fresh";
import { define } from "../../utils.ts";
import {
  emailConfirmationRequired,
  signUp,
} from "../../lib/domain/accounts.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { startWebSession } from "../../lib/domain/sessions.ts";
import {
  clientIp,
  CSRF_FAILED,
  field,
  readVerifiedForm,
} from "../../lib/web/forms.ts";
import { setSessionCookie } from "../../lib/web/session-cookie.ts";
import { FormErrors } from "../../components/FormErrors.tsx";
import { PageHead } from "../../components/PageHead.tsx";

interface Data {
  errors: string[];
  values: { username: string; email: string; reason: string };
  pending?: boolean;
}

const empty = { username: "", email: "", reason: "" };

export const handler = define.handlers<Data>({
  GET(ctx) {
    if (ctx.state.session) return ctx.redirect("/home");
    return page({ errors: [], values: empty });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const form = await readVerifiedForm(ctx.req, deps);
    if (!form) {
      return page({ errors: [CSRF_FAILED], values: empty }, { status: 403 });
    }
    const values = {
      username: field(form, "username"),
      email: field(form, "email"),
      reason: field(form, "reason"),
    };
    if (field(form, "password") !== field(form, "password_confirmation")) {
      return page({ errors: ["Password confirmation doesn't match"], values }, {
        status: 422,
      });
    }
    try {
      const { user } = await signUp(deps.sql, {
        username: values.username,
        email: values.email,
        password: field(form, "password"),
        reason: values.reason || null,
      }, {
        registrations: deps.config.registrations,
        effects: deps.effects,
        emailConfirmation: emailConfirmationRequired(deps.config),
      });
      if (!user.approved) return page({ errors: [], values, pending: true });
      const secret = await startWebSession(deps.sql, deps.secret, user.id, {
        userAgent: ctx.req.headers.get("user-agent"),
        ip: clientIp(ctx.req, ctx.info),
      });
      const response = ctx.redirect("/home", 303);
      setSessionCookie(response.headers, deps.config, secret);
      return response;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({ errors: [error.message], values }, {
        status: error.kind === "forbidden" ? 403 : 422,
      });
    }
  },
});

export default define.page<typeof handler>(function SignUp({ data, state }) {
  const mode = state.deps.config.registrations;
  if (data.pending) {
    return (
      <section class="card narrow">
        <PageHead title="Sign up" />
        <h1>Almost there</h1>
        <p>
          Your account was created and is waiting for a moderator's approval.
          You can sign in once it is approved.
        </p>
        {emailConfirmationRequired(state.deps.config) && (
          <p>
            Meanwhile, please confirm your e-mail address with the link we sent
            you.
          </p>
        )}
      </section>
    );
  }
  if (mode === "closed") {
    return (
      <section class="card narrow">
        <PageHead title="Sign up" />
        <h1>Sign up</h1>
        <p>Registrations are closed on this server.</p>
        <FormErrors errors={data.errors} />
      </section>
    );
  }
  return (
    <section class="card narrow">
      <PageHead title="Sign up" />
      <h1>Create an account</h1>
      {mode === "approval" && (
        <p>New accounts on this server are reviewed by a moderator.</p>
      )}
      <FormErrors errors={data.errors} />
      <form method="post" action="/auth/sign_up" class="stack">
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        <label>
          Username
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
          Letters, numbers and underscores; up to 30 characters.
        </small>
        <label>
          Email
          <input
            name="email"
            type="email"
            required
            autocomplete="email"
            value={data.values.email}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            required
            minLength={8}
            autocomplete="new-password"
          />
        </label>
        <label>
          Confirm password
          <input
            name="password_confirmation"
            type="password"
            required
            minLength={8}
            autocomplete="new-password"
          />
        </label>
        {mode === "approval" && (
          <label>
            Why do you want to join?
            <textarea name="reason" rows={3}>{data.values.reason}</textarea>
          </label>
        )}
        <button type="submit">Sign up</button>
      </form>
      <p>
        Already have an account? <a href="/auth/sign_in">Sign in</a>
      </p>
    </section>
  );
});
