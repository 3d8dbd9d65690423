/**
 * OAuth as Mastodon apps use it: app registration (JSON, form, multipart; custom-scheme and
 * out-of-band redirect URIs), client credentials, the authorization code flow with PKCE S256
 * through the real sign-in and consent forms, single-use codes, revocation, CORS.
 */
import assert from "node:assert/strict";
import { createRestAPIClient } from "masto";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { FormClient } from "../helpers/forms.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import { encodeBase64Url } from "../../lib/domain/base64.ts";

const REDIRECT = "com.Example.App:/oauth-callback";

async function postJson(
  instance: TestInstance,
  path: string,
  body: unknown,
  headers = {},
) {
  const response = await instance.fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: await response.json(),
    headers: response.headers,
  };
}

async function registerApp(instance: TestInstance, redirect = REDIRECT) {
  const { status, body } = await postJson(instance, "/api/v1/apps", {
    client_name: "Test Client",
    redirect_uris: redirect,
    scopes: "read write follow push",
    website: "https://client.example",
  });
  assert.equal(status, 200);
  return body as { client_id: string; client_secret: string; name: string };
}

async function pkce() {
  const verifier = encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(verifier),
  );
  return { verifier, challenge: encodeBase64Url(new Uint8Array(digest)) };
}

async function signedInBrowser(instance: TestInstance, username: string) {
  await signUp(instance.deps.sql, {
    username,
    email: `${username}@example.com`,
    password: "a good password",
  }, { registrations: "open", byOperator: true });
  const browser = new FormClient(instance.origin);
  const form = await browser.page("/auth/sign_in");
  const response = await browser.post("/auth/sign_in", {
    _csrf: form.csrf,
    login: username,
    password: "a good password",
    return_to: "/",
  });
  assert.equal(response.status, 303, "signed in");
  await response.body?.cancel();
  return browser;
}

/** Opens the consent page, submits `decision`; returns the redirect (or page) response. */
async function consent(
  browser: FormClient,
  query: Record<string, string>,
  decision: "authorize" | "deny",
) {
  const page = await browser.page(
    `/oauth/authorize?${new URLSearchParams(query)}`,
  );
  assert.equal(page.status, 200, page.html.slice(0, 300));
  const hidden = Object.fromEntries(
    [...page.html.matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
    )]
      .map((m) => [m[1], m[2].replaceAll("&amp;", "&")]),
  );
  return {
    page,
    response: await browser.post("/oauth/authorize", { ...hidden, decision }),
  };
}

Deno.test("apps register from JSON, forms and multipart; the secret is shown once", async () => {
  const instance = await startTestInstance();
  try {
    const json = await postJson(instance, "/api/v1/apps", {
      client_name: "Elk",
      redirect_uris: [
        "https://elk.example/callback",
        "urn:ietf:wg:oauth:2.0:oob",
      ],
      scopes: "read write follow push",
    });
    assert.equal(json.status, 200);
    await assertResponseMatches("POST", "/api/v1/apps", 200, json.body);
    assert.deepEqual(json.body.redirect_uris, [
      "https://elk.example/callback",
      "urn:ietf:wg:oauth:2.0:oob",
    ]);
    assert.deepEqual(json.body.scopes, ["read", "write", "follow", "push"]);
    assert.match(json.body.id, /^\d+$/);

    const form = await instance.fetch("/api/v1/apps", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_name: "Phanpy",
        redirect_uris: "com.tapbots.Ivory.19300:/request_token",
        scopes: "read write follow push",
      }),
    });
    const formBody = await form.json();
    assert.equal(form.status, 200);
    assert.equal(
      formBody.redirect_uri,
      "com.tapbots.Ivory.19300:/request_token",
    );
    assert.ok(formBody.client_id && formBody.client_secret);

    const multipart = new FormData();
    multipart.set("client_name", "Multipart");
    multipart.set("redirect_uris", "urn:ietf:wg:oauth:2.0:oob");
    const multi = await instance.fetch("/api/v1/apps", {
      method: "POST",
      body: multipart,
    });
    const multiBody = await multi.json();
    assert.equal(multi.status, 200);
    assert.deepEqual(multiBody.scopes, ["read"], "scopes default to read");

    const masto = createRestAPIClient({ url: instance.origin });
    const viaMasto = await masto.v1.apps.create({
      clientName: "masto.js",
      redirectUris: REDIRECT,
      scopes: "read write",
    });
    assert.ok(viaMasto.clientId && viaMasto.clientSecret);

    const blank = await postJson(instance, "/api/v1/apps", {
      redirect_uris: REDIRECT,
    });
    assert.equal(blank.status, 422);
    assert.match(blank.body.error, /Name can't be blank/);
    const badUri = await postJson(instance, "/api/v1/apps", {
      client_name: "x",
      redirect_uris: "not a uri",
    });
    assert.equal(badUri.status, 422);
    const badScope = await postJson(instance, "/api/v1/apps", {
      client_name: "x",
      redirect_uris: REDIRECT,
      scopes: "read launch:missiles",
    });
    assert.equal(badScope.status, 422);

    // Stored hashed: the secret itself is nowhere in the database.
    const [row] = await instance.deps.sql`
      SELECT client_secret_hash FROM oauth_applications WHERE client_id = ${json.body.client_id}`;
    assert.notEqual(row.client_secret_hash, json.body.client_secret);
  } finally {
    await instance.close();
  }
});

Deno.test("server metadata, CORS preflight, client credentials and app verification", async () => {
  const instance = await startTestInstance();
  try {
    const meta = await instance.fetch(
      "/.well-known/oauth-authorization-server",
    );
    const metaBody = await meta.json();
    assert.equal(meta.headers.get("access-control-allow-origin"), "*");
    assert.ok(metaBody.code_challenge_methods_supported.includes("S256"));
    await assertResponseMatches(
      "GET",
      "/.well-known/oauth-authorization-server",
      200,
      metaBody,
    );

    for (
      const path of [
        "/api/v1/apps",
        "/oauth/token",
        "/api/v1/accounts/verify_credentials",
      ]
    ) {
      const preflight = await instance.fetch(path, {
        method: "OPTIONS",
        headers: {
          origin: "https://elk.example",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        },
      });
      assert.equal(preflight.status, 204, path);
      assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
      assert.match(
        preflight.headers.get("access-control-allow-headers")!,
        /authorization/,
      );
    }

    const app = await registerApp(instance);
    // Basic auth, a form body, and no content type at all: all accepted.
    const basic = await instance.fetch("/oauth/token", {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa(`${app.client_id}:${app.client_secret}`)}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials&scope=read",
    });
    const token = await basic.json();
    assert.equal(basic.status, 200);
    await assertMatchesSchema(token, "Token");
    assert.equal(token.scope, "read");
    const bare = await instance.fetch("/oauth/token", {
      method: "POST",
      body: JSON.stringify({
        grant_type: "client_credentials",
        client_id: app.client_id,
        client_secret: app.client_secret,
        scope: "read write",
      }),
    });
    assert.equal(bare.status, 200);
    assert.equal((await bare.json()).scope, "read write");

    const wrongSecret = await postJson(instance, "/oauth/token", {
      grant_type: "client_credentials",
      client_id: app.client_id,
      client_secret: "nope",
    });
    assert.equal(wrongSecret.status, 401);
    assert.equal(wrongSecret.body.error, "invalid_client");
    const tooMuch = await postJson(instance, "/oauth/token", {
      grant_type: "client_credentials",
      client_id: app.client_id,
      client_secret: app.client_secret,
      scope: "admin:write",
    });
    assert.equal(tooMuch.body.error, "invalid_scope");

    const verify = await instance.fetch("/api/v1/apps/verify_credentials", {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    const verified = await verify.json();
    assert.equal(verify.status, 200);
    await assertResponseMatches(
      "GET",
      "/api/v1/apps/verify_credentials",
      200,
      verified,
    );
    assert.equal(verified.name, "Test Client");
    assert.equal(
      verified.client_secret,
      undefined,
      "the secret is never shown again",
    );

    // An app token is not a user: user endpoints answer 422 as Mastodon does.
    const me = await instance.fetch("/api/v1/accounts/verify_credentials", {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    assert.equal(me.status, 422);
    await me.body?.cancel();

    const bad = await instance.fetch("/api/v1/accounts/verify_credentials", {
      headers: { authorization: "Bearer not-a-token" },
    });
    assert.equal(bad.status, 401);
    assert.equal(bad.headers.get("access-control-allow-origin"), "*");
    await assertMatchesSchema(await bad.json(), "Error");
  } finally {
    await instance.close();
  }
});

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
