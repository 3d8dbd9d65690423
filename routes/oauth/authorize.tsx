/**
 * GET/POST /oauth/authorize — the consent page. Not signed in (or `force_login=true`): off to
 * the sign-in page, which comes back here. Signed in: name the app and each scope, with
 * Authorize and Deny. Authorize redirects to the app's redirect URI with `code` and `state`
 * (or shows the code for the out-of-band URI); Deny sends `error=access_denied`.
 */
import { page } from "fresh";
import { define } from "../../utils.ts";
import {
  type AuthorizationRequest,
  checkAuthorizationRequest,
  issueAuthorizationCode,
  OAuthError,
  OOB_REDIRECT_URI,
} from "../../lib/domain/oauth.ts";
import { verifyCsrf } from "../../lib/web/csrf.ts";
import { PageHead } from "../../components/PageHead.tsx";
import { OAUTH_PAGE_HEADERS } from "../../lib/web/security-headers.ts";
import { messages } from "../../lib/web/pages.ts";
import { fill } from "../../lib/i18n/fill.ts";
import type { AuthMessages } from "../../lib/i18n/en/auth.ts";

type Data =
  | { kind: "consent"; request: AuthorizationRequest; username: string }
  | { kind: "code"; code: string; appName: string }
  | { kind: "error"; message: string };

/** Plain words for a scope (the catalogue's); the scope itself is shown small beside them. */
function describeScope(t: AuthMessages["oauth"], scope: string): string {
  if (Object.hasOwn(t.scopes, scope)) return t.scopes[scope];
  const [action, ...rest] = scope.split(":");
  const what = rest.join(":").replaceAll("_", " ");
  if (action === "read") return fill(t.readScope, { what });
  if (action === "write") return fill(t.writeScope, { what });
  return `${scope} ${what}`;
}

/** `https://app.example/path` → `app.example`, for a short "from" line. */
function websiteHost(website: string | null): string | null {
  if (!website) return null;
  try {
    const url = new URL(website);
    return url.protocol === "https:" || url.protocol === "http:"
      ? url.host
      : null;
  } catch {
    return null;
  }
}

function requestParams(source: URLSearchParams | FormData) {
  const get = (name: string) => {
    const value = source.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  return {
    clientId: get("client_id"),
    redirectUri: get("redirect_uri"),
    responseType: get("response_type"),
    scope: get("scope"),
    state: get("state"),
    codeChallenge: get("code_challenge"),
    codeChallengeMethod: get("code_challenge_method"),
  };
}

/**
 * Where the app hears the outcome: its redirect URI with `params` in the query. Built as a
 * string, not through `URL`, which would lowercase custom schemes such as
 * `com.tapbots.Ivory.19300:/request_token`.
 */
function redirectToClient(
  redirectUri: string,
  params: Record<string, string | null>,
): Response {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null) query.set(key, value);
  }
  const location = `${redirectUri}${
    redirectUri.includes("?") ? "&" : "?"
  }${query}`;
  return new Response(null, { status: 302, headers: { location } });
}

function errorPage(message: string, status = 400) {
  return page<Data>({ kind: "error", message }, { status });
}

/** Errors that may go back to the client go there; the others are shown to the person. */
function refuse(
  error: OAuthError,
  redirectUri: string | undefined,
  state: string | undefined,
) {
  const canRedirect = redirectUri && redirectUri !== OOB_REDIRECT_URI &&
    error.code !== "invalid_client" && error.code !== "invalid_request";
  if (canRedirect) {
    return redirectToClient(redirectUri, {
      error: error.code,
      error_description: error.description,
      state: state ?? null,
    });
  }
  return errorPage(error.description);
}

export const handler = define.handlers({
  async GET(ctx) {
    const params = requestParams(ctx.url.searchParams);
    let request: AuthorizationRequest;
    try {
      request = await checkAuthorizationRequest(ctx.state.deps.sql, params);
    } catch (error) {
      if (error instanceof OAuthError) {
        return refuse(error, params.redirectUri, params.state);
      }
      throw error;
    }
    const forceLogin = ctx.url.searchParams.get("force_login") === "true";
    if (!ctx.state.session || forceLogin) {
      const back = new URL(ctx.url);
      back.searchParams.delete("force_login"); // coming back must not loop
      const signIn = new URL("/auth/sign_in", ctx.url);
      signIn.searchParams.set("return_to", back.pathname + back.search);
      if (forceLogin) signIn.searchParams.set("force_login", "true");
      return ctx.redirect(signIn.pathname + signIn.search);
    }
    return page<Data>({
      kind: "consent",
      request,
      username: ctx.state.session.account.username,
    }, {
      headers: {
        ...OAUTH_PAGE_HEADERS, // its answer redirects to the app's URI
        "cache-control": "no-store",
        "x-frame-options": "DENY",
      },
    });
  },

  async POST(ctx) {
    const { deps, session } = ctx.state;
    let form: FormData;
    try {
      form = await ctx.req.formData();
    } catch {
      return errorPage(messages(ctx).auth.oauth.unreadable);
    }
    if (!(await verifyCsrf(ctx.req, form, deps.secret, deps.config.origin))) {
      return errorPage(messages(ctx).auth.oauth.expired, 403);
    }
    if (!session) return errorPage(messages(ctx).auth.oauth.notSignedIn, 401);
    const params = requestParams(form);
    let request: AuthorizationRequest;
    try {
      request = await checkAuthorizationRequest(deps.sql, params);
    } catch (error) {
      if (error instanceof OAuthError) {
        return refuse(error, params.redirectUri, params.state);
      }
      throw error;
    }
    if (form.get("decision") !== "authorize") {
      return refuse(
        new OAuthError(
          "access_denied",
          "The resource owner or authorization server denied the request.",
        ),
        request.redirectUri,
        params.state,
      );
    }
    const code = await issueAuthorizationCode(
      deps.sql,
      request,
      session.user.id,
    );
    if (request.redirectUri === OOB_REDIRECT_URI) {
      return page<Data>({ kind: "code", code, appName: request.app.name }, {
        headers: { "cache-control": "no-store" },
      });
    }
    return redirectToClient(request.redirectUri, {
      code,
      state: request.state,
    });
  },
});

export default define.page<typeof handler>(({ data, state }) => {
  const t = messages({ state }).auth.oauth;
  if (data.kind === "error") {
    return (
      <section class="card narrow oauth" aria-labelledby="oauth-title">
        <PageHead title={t.failedTitle} />
        <h1 id="oauth-title">{t.failedTitle}</h1>
        <p role="alert">{data.message}</p>
        <p class="actions">
          <a class="button secondary" href="/home">{t.goHome}</a>
        </p>
      </section>
    );
  }
  if (data.kind === "code") {
    return (
      <section class="card narrow oauth" aria-labelledby="oauth-title">
        <PageHead title={t.codeTitle} />
        <h1 id="oauth-title">{t.codeTitle}</h1>
        <p>{fill(t.copyCode, { app: data.appName })}</p>
        <input
          class="oauth-code"
          readOnly
          value={data.code}
          aria-label={t.codeTitle}
        />
      </section>
    );
  }
  const { request, username } = data;
  const hidden: [string, string | null][] = [
    ["client_id", request.app.client_id],
    ["redirect_uri", request.redirectUri],
    ["response_type", "code"],
    ["scope", request.scopes.join(" ")],
    ["state", request.state],
    ["code_challenge", request.codeChallenge],
    ["code_challenge_method", request.codeChallengeMethod],
    ["_csrf", state.csrfToken],
  ];
  const from = websiteHost(request.app.website);
  const initial = [...request.app.name.trim()][0]?.toUpperCase() ?? "?";
  return (
    <section class="card narrow oauth" aria-labelledby="oauth-title">
      <div class="oauth-app">
        <span class="oauth-app-mark" aria-hidden="true">{initial}</span>
        <div>
          <strong class="oauth-app-name">{request.app.name}</strong>
          {from && (
            <a
              class="acct"
              href={request.app.website!}
              rel="noopener nofollow"
            >
              {from}
            </a>
          )}
        </div>
      </div>
      <PageHead title={fill(t.title, { app: request.app.name })} />
      <h1 id="oauth-title">{fill(t.heading, { app: request.app.name })}</h1>
      <p>
        <strong>{request.app.name}</strong>
        {t.wantsBefore}
        <strong>@{username}</strong>
        {t.wantsAfter}
      </p>
      <ul class="oauth-scopes">
        {request.scopes.map((scope) => (
          <li key={scope}>
            <span>{describeScope(t, scope)}</span>
            <code>{scope}</code>
          </li>
        ))}
      </ul>
      <p class="help">
        {t.trustBefore}
        <a href="/settings/authorized_applications">{t.trustLink}</a>
        {t.trustAfter}
      </p>
      <form method="post" action="/oauth/authorize" class="oauth-decision">
        {hidden.filter(([, value]) => value !== null).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value!} />
        ))}
        <button type="submit" name="decision" value="deny" class="secondary">
          {t.deny}
        </button>
        <button type="submit" name="decision" value="authorize">
          {t.authorize}
        </button>
      </form>
    </section>
  );
});
