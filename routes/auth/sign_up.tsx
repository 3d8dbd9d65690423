import { page } from "fresh";
import { define } from "../../utils.ts";
import { signUp } from "../../lib/domain/accounts.ts";
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
import type { Registrations } from "../../lib/config.ts";
import {
  currentTerms,
  listRules,
  registrationPolicy,
  type RuleRow,
} from "../../lib/instance/mod.ts";
import type { PageContext } from "../../lib/web/pages.ts";

interface Data {
  errors: string[];
  values: { username: string; email: string; reason: string };
  pending?: boolean;
  mode: Registrations;
  reasonRequired: boolean;
  rules: RuleRow[];
  hasTerms: boolean;
}

/** The registration mode and the rules a newcomer agrees to, as the admins set them now. */
async function signUpTerms(ctx: PageContext) {
  const { deps } = ctx.state;
  const [policy, rules, terms] = await Promise.all([
    registrationPolicy(deps),
    listRules(deps.sql),
    currentTerms(deps.sql),
  ]);
  return {
    mode: policy.mode,
    reasonRequired: policy.reasonRequired,
    rules,
    hasTerms: terms !== null,
  };
}

const empty = { username: "", email: "", reason: "" };

export const handler = define.handlers<Data>({
  async GET(ctx) {
    if (ctx.state.session) return ctx.redirect("/home");
    return page({ errors: [], values: empty, ...await signUpTerms(ctx) });
  },
  async POST(ctx) {
    const { deps } = ctx.state;
    const terms = await signUpTerms(ctx);
    const form = await readVerifiedForm(ctx.req, deps);
    if (!form) {
      return page({ errors: [CSRF_FAILED], values: empty, ...terms }, {
        status: 403,
      });
    }
    const values = {
      username: field(form, "username"),
      email: field(form, "email"),
      reason: field(form, "reason"),
    };
    if (field(form, "password") !== field(form, "password_confirmation")) {
      return page({
        errors: ["Password confirmation doesn't match"],
        values,
        ...terms,
      }, { status: 422 });
    }
    try {
      const { user } = await signUp(deps.sql, {
        username: values.username,
        email: values.email,
        password: field(form, "password"),
        reason: values.reason || null,
      }, {
        registrations: terms.mode,
        reasonRequired: terms.reasonRequired,
        effects: deps.effects,
      });
      if (!user.approved) {
        return page({ errors: [], values, pending: true, ...terms });
      }
      const secret = await startWebSession(deps.sql, deps.secret, user.id, {
        userAgent: ctx.req.headers.get("user-agent"),
        ip: clientIp(ctx.req, ctx.info),
      });
      const response = ctx.redirect("/home", 303);
      setSessionCookie(response.headers, deps.config, secret);
      return response;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return page({ errors: [error.message], values, ...terms }, {
        status: error.kind === "forbidden" ? 403 : 422,
      });
    }
  },
});

export default define.page<typeof handler>(function SignUp({ data, state }) {
  const { mode, rules } = data;
  if (data.pending) {
    return (
      <section class="card narrow">
        <PageHead title="Sign up" />
        <h1>Almost there</h1>
        <p>
          Your account was created and is waiting for a moderator's approval.
          You can sign in once it is approved.
        </p>
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
      {rules.length > 0 && (
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">Server rules</h2>
          <p>By signing up you agree to follow them.</p>
          <ol class="rules">
            {rules.map((rule) => (
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
            <textarea
              name="reason"
              rows={3}
              required={data.reasonRequired}
            >
              {data.values.reason}
            </textarea>
          </label>
        )}
        <p>
          Signing up means accepting the{" "}
          <a href="/privacy-policy">privacy policy</a>
          {data.hasTerms && (
            <>
              {" "}and the <a href="/terms-of-service">terms of service</a>
            </>
          )}.
        </p>
        <button type="submit">Sign up</button>
      </form>
      <p>
        Already have an account? <a href="/auth/sign_in">Sign in</a>
      </p>
    </section>
  );
});
