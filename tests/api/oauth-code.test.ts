/**
 * OAuth as Mastodon apps use it, part 2: the authorization code flow with PKCE S256 through the
 * real sign-in and consent forms, single-use codes, refusals, out-of-band codes, revocation.
 */
import assert from "node:assert/strict";
import { createRestAPIClient } from "masto";
import { startTestInstance } from "../helpers/app.ts";
import { FormClient } from "../helpers/forms.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import {
  consent,
  pkce,
  postJson,
  REDIRECT,
  registerApp,
  signedInBrowser,
} from "../helpers/oauth.ts";

Deno.test("authorization code with PKCE: sign in, consent, code, token; codes are single-use", async () => {
  const instance = await startTestInstance();
  try {
    const app = await registerApp(instance);
    const { verifier, challenge } = await pkce();
    const query = {
      client_id: app.client_id,
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "read write",
      state: "xyz 123",
      code_challenge: challenge,
      code_challenge_method: "S256",
    };

    // Not signed in: off to the sign-in form, which comes back here.
    const anonymous = new FormClient(instance.origin);
    const redirect = await anonymous.request(
      `/oauth/authorize?${new URLSearchParams(query)}`,
    );
    assert.equal(redirect.status, 302);
    const signInUrl = new URL(
      redirect.headers.get("location")!,
      instance.origin,
    );
    assert.equal(signInUrl.pathname, "/auth/sign_in");
    const returnTo = signInUrl.searchParams.get("return_to")!;
    assert.match(returnTo, /^\/oauth\/authorize\?/);

    await signUp(instance.deps.sql, {
      username: "alice",
      email: "alice@example.com",
      password: "a good password",
    }, { registrations: "open", byOperator: true });
    const form = await anonymous.page(signInUrl.pathname + signInUrl.search);
    const signedIn = await anonymous.post("/auth/sign_in", {
      _csrf: form.csrf,
      login: "alice",
      password: "a good password",
      return_to: returnTo,
    });
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get("location"), returnTo);

    const { page, response } = await consent(anonymous, query, "authorize");
    assert.match(page.html, /Test Client/);
    assert.match(page.html, /read/);
    assert.match(page.html, /Authorize/);
    assert.match(page.html, /Deny/);
    assert.equal(response.status, 302);
    const location = response.headers.get("location")!;
    assert.ok(
      location.startsWith(`${REDIRECT}?`),
      "the custom scheme keeps its case",
    );
    const back = new URL(location);
    assert.equal(back.searchParams.get("state"), "xyz 123");
    const code = back.searchParams.get("code")!;
    assert.ok(code);

    const exchange = (overrides: Record<string, string>) =>
      postJson(instance, "/oauth/token", {
        grant_type: "authorization_code",
        code,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
        scope: "read write follow push", // extra scope: tolerated, the grant's scopes win
        ...overrides,
      });
    const token = await exchange({});
    assert.equal(token.status, 200, JSON.stringify(token.body));
    await assertResponseMatches("POST", "/oauth/token", 200, token.body);
    assert.equal(token.body.scope, "read write");

    const masto = createRestAPIClient({
      url: instance.origin,
      accessToken: token.body.access_token,
    });
    const me = await masto.v1.accounts.verifyCredentials();
    assert.equal(me.username, "alice");
    const userinfo = await instance.fetch("/oauth/userinfo", {
      headers: { authorization: `Bearer ${token.body.access_token}` },
    });
    assert.equal((await userinfo.json()).preferred_username, "alice");

    const replay = await exchange({});
    assert.equal(replay.status, 400);
    assert.equal(replay.body.error, "invalid_grant", "a code works once");

    // A wrong verifier or redirect URI is refused, and burns the code.
    for (
      const wrong of [{ code_verifier: (await pkce()).verifier }, {
        redirect_uri: "https://x.example/",
      }]
    ) {
      const fresh = new URL(
        (await consent(anonymous, query, "authorize")).response.headers.get(
          "location",
        )!,
      ).searchParams.get("code")!;
      const refused = await postJson(instance, "/oauth/token", {
        grant_type: "authorization_code",
        code: fresh,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
        ...wrong,
      });
      assert.equal(refused.status, 400, JSON.stringify(wrong));
      assert.equal(refused.body.error, "invalid_grant");
      const retried = await postJson(instance, "/oauth/token", {
        grant_type: "authorization_code",
        code: fresh,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      });
      assert.equal(
        retried.body.error,
        "invalid_grant",
        "the refused code is burnt",
      );
    }

    // Deny sends the user back with access_denied.
    const denied = (await consent(anonymous, query, "deny")).response;
    const deniedUrl = new URL(denied.headers.get("location")!);
    assert.equal(deniedUrl.searchParams.get("error"), "access_denied");
    assert.equal(deniedUrl.searchParams.get("state"), "xyz 123");

    // A consent POST without the CSRF token does nothing.
    const forged = await anonymous.post("/oauth/authorize", {
      client_id: app.client_id,
      redirect_uri: REDIRECT,
      response_type: "code",
      decision: "authorize",
    });
    assert.equal(forged.status, 403);
    await forged.body?.cancel();

    // force_login sends even a signed-in user to the sign-in form.
    const forced = await anonymous.request(
      `/oauth/authorize?${new URLSearchParams({
        ...query,
        force_login: "true",
      })}`,
    );
    assert.equal(forced.status, 302);
    assert.match(forced.headers.get("location")!, /^\/auth\/sign_in\?/);
    assert.doesNotMatch(
      new URL(forced.headers.get("location")!, instance.origin).searchParams
        .get("return_to")!,
      /force_login/,
    );

    // Revoke: the token stops working; revoking an unknown token is fine too.
    const revoke = await postJson(instance, "/oauth/revoke", {
      client_id: app.client_id,
      client_secret: app.client_secret,
      token: token.body.access_token,
    });
    assert.equal(revoke.status, 200);
    const after = await instance.fetch("/api/v1/accounts/verify_credentials", {
      headers: { authorization: `Bearer ${token.body.access_token}` },
    });
    assert.equal(after.status, 401);
    await after.body?.cancel();
    const unknown = await postJson(instance, "/oauth/revoke", {
      client_id: app.client_id,
      client_secret: app.client_secret,
      token: "unknown",
    });
    assert.equal(unknown.status, 200);
  } finally {
    await instance.close();
  }
});

Deno.test("out-of-band redirect shows the code; bad requests are shown, not redirected", async () => {
  const instance = await startTestInstance();
  try {
    const app = await registerApp(instance, "urn:ietf:wg:oauth:2.0:oob");
    const browser = await signedInBrowser(instance, "bob");
    const { response } = await consent(browser, {
      client_id: app.client_id,
      redirect_uri: "urn:ietf:wg:oauth:2.0:oob",
      response_type: "code",
      scope: "read",
    }, "authorize");
    assert.equal(response.status, 200);
    const html = await response.text();
    const code = /class="oauth-code"[^>]*value="([^"]+)"/.exec(html)?.[1] ??
      /value="([^"]+)"[^>]*class="oauth-code"/.exec(html)?.[1];
    assert.ok(code, html);
    const token = await postJson(instance, "/oauth/token", {
      grant_type: "authorization_code",
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: "urn:ietf:wg:oauth:2.0:oob",
    });
    assert.equal(token.status, 200);

    const foreign = await browser.request(
      `/oauth/authorize?${new URLSearchParams({
        client_id: app.client_id,
        redirect_uri: "https://evil.example/",
        response_type: "code",
      })}`,
    );
    assert.equal(
      foreign.status,
      400,
      "a foreign redirect URI is never followed",
    );
    await foreign.body?.cancel();
    const unknown = await browser.request(
      "/oauth/authorize?client_id=nope&response_type=code",
    );
    assert.equal(unknown.status, 400);
    await unknown.body?.cancel();
    const plain = await browser.request(
      `/oauth/authorize?${new URLSearchParams({
        client_id: app.client_id,
        redirect_uri: "urn:ietf:wg:oauth:2.0:oob",
        response_type: "code",
        code_challenge: "x".repeat(43),
        code_challenge_method: "plain",
      })}`,
    );
    assert.equal(plain.status, 400, "only S256 is accepted");
    await plain.body?.cancel();
  } finally {
    await instance.close();
  }
});
