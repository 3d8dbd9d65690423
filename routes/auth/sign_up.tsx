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
import { CSRF_FAILED, field, readVerifiedForm } from "../../lib/web/forms.ts";
import { clientAddress } from "../../lib/web/client-ip.ts";
import { setSessionCookie } from "../../lib/web/session-cookie.ts";
import type { PageContext } from "../../lib/web/pages.ts";
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
        errors: [CSRF_FAILED],
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
      return await refuse(["Password confirmation doesn't match"], 422);
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
        [error.message],
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
  if (!offer.open) {
    return (
      <section class="card narrow">
        <PageHead title="Sign up" />
        <h1>Sign up</h1>
        {data.badInvite && <p>This invite link is no longer valid.</p>}
        <p>Registrations are closed on this server.</p>
        <FormErrors errors={data.errors} />
      </section>
    );
  }
  return (
    <section class="card narrow">
      <PageHead title="Sign up" />
      <h1>Create an account</h1>
      {offer.invitedBy && (
        <p class="invited-by">You were invited by @{offer.invitedBy}.</p>
      )}
      {data.badInvite && (
        <p>
          This invite link is no longer valid; you can still sign up without it.
        </p>
      )}
      {offer.approvalRequired && (
        <p>New accounts on this server are reviewed by a moderator.</p>
      )}
      {data.rules.length > 0 && (
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">Server rules</h2>
          <p>By signing up you agree to follow them.</p>
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
        {offer.minAge !== null && (
          <label>
            Date of birth (you must be at least{" "}
            {offer.minAge}; it is checked, not kept)
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
            Why do you want to join?
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
