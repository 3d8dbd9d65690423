/**
 * Rules for OAuth authorization codes (beyond `tests/api/oauth-code.test.ts`, which covers the
 * happy path, single use, wrong verifier/redirect burning the code, and deny):
 * - the redirect URI must match a registered one exactly; on a mismatch nothing redirects, not
 *   even when the consent form is tampered with;
 * - a code is bound to the app it was issued to;
 * - a code issued with a PKCE challenge needs the verifier, and one issued without can't be
 *   redeemed by sending a made-up verifier instead of the client secret (PKCE downgrade);
 * - codes expire.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import {
  consent,
  pkce,
  postJson,
  REDIRECT,
  registerApp,
  signedInBrowser,
} from "../helpers/oauth.ts";
import type { FormClient } from "../helpers/forms.ts";

async function codeFor(
  browser: FormClient,
  app: { client_id: string },
  extra: Record<string, string> = {},
): Promise<string> {
  const { response } = await consent(browser, {
    client_id: app.client_id,
    redirect_uri: REDIRECT,
    response_type: "code",
    scope: "read",
    ...extra,
  }, "authorize");
  assert.equal(response.status, 302);
  return new URL(response.headers.get("location")!).searchParams.get("code")!;
}

function exchange(
  instance: TestInstance,
  fields: Record<string, string | undefined>,
) {
  return postJson(instance, "/oauth/token", {
    grant_type: "authorization_code",
    redirect_uri: REDIRECT,
    ...fields,
  });
}

Deno.test("a redirect URI that isn't exactly a registered one is refused and never followed", async () => {
  const instance = await startTestInstance();
  try {
    const app = await registerApp(instance);
    const browser = await signedInBrowser(instance, "alice");
    const near = [
      `${REDIRECT}/`,
      `${REDIRECT}?next=https://evil.example`,
      `${REDIRECT}#x`,
      REDIRECT.toUpperCase(),
      REDIRECT.slice(0, -1),
      "com.Example.App:/oauth-callback.evil",
      "https://evil.example/oauth-callback",
      `https://evil.example/?r=${encodeURIComponent(REDIRECT)}`,
    ];
    for (const redirect_uri of near) {
      const res = await browser.request(
        `/oauth/authorize?${new URLSearchParams({
          client_id: app.client_id,
          redirect_uri,
          response_type: "code",
          scope: "read",
        })}`,
      );
      await res.body?.cancel();
      assert.equal(res.status, 400, redirect_uri);
      assert.equal(
        res.headers.get("location"),
        null,
        `${redirect_uri}: no redirect`,
      );
    }
    // The consent form, tampered with: its hidden redirect_uri swapped for another.
    const page = await browser.page(
      `/oauth/authorize?${new URLSearchParams({
        client_id: app.client_id,
        redirect_uri: REDIRECT,
        response_type: "code",
        scope: "read",
      })}`,
    );
    const hidden = Object.fromEntries(
      [...page.html.matchAll(
        /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
      )]
        .map((m) => [m[1], m[2].replaceAll("&amp;", "&")]),
    );
    for (const decision of ["authorize", "deny"]) {
      const res = await browser.post("/oauth/authorize", {
        ...hidden,
        redirect_uri: "https://evil.example/cb",
        decision,
      });
      await res.body?.cancel();
      assert.equal(
        res.headers.get("location"),
        null,
        `tampered ${decision}: no redirect`,
      );
      assert.ok(res.status >= 400, `tampered ${decision}: ${res.status}`);
    }
    const [{ n }] = await instance.deps.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM oauth_grants`;
    assert.equal(n, 0, "no code was issued");
  } finally {
    await instance.close();
  }
});

Deno.test("a code is bound to its app, its PKCE verifier and its lifetime", async () => {
  const instance = await startTestInstance();
  try {
    const app = await registerApp(instance);
    const other = await registerApp(instance);
    const browser = await signedInBrowser(instance, "alice");

    // Another app can't redeem it, with or without its own secret.
    let code = await codeFor(browser, app);
    for (
      const credentials of [
        { client_id: other.client_id, client_secret: other.client_secret },
        { client_id: other.client_id },
        { client_id: app.client_id, client_secret: other.client_secret },
      ]
    ) {
      const res = await exchange(instance, { code, ...credentials });
      assert.ok(
        res.status === 400 || res.status === 401,
        JSON.stringify(credentials),
      );
      assert.ok(!res.body.access_token);
    }

    // Issued with a challenge: the verifier is required.
    const { verifier, challenge } = await pkce();
    code = await codeFor(browser, app, {
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    let res = await exchange(instance, {
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
    });
    assert.equal(res.body.error, "invalid_grant", "missing verifier");
    assert.ok(!res.body.access_token);

    // Issued without a challenge: a made-up verifier is no substitute for the secret.
    code = await codeFor(browser, app);
    res = await exchange(instance, {
      code,
      client_id: app.client_id,
      code_verifier: verifier,
    });
    assert.ok(!res.body.access_token, "PKCE downgrade refused");
    assert.ok(["invalid_grant", "invalid_client"].includes(res.body.error));

    // Expired codes don't work.
    code = await codeFor(browser, app);
    await instance.deps
      .sql`UPDATE oauth_grants SET expires_at = now() - interval '1 second'
                            WHERE used_at IS NULL`;
    res = await exchange(instance, {
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
    });
    assert.equal(res.body.error, "invalid_grant", "expired");

    // And the control: a fresh code, the right app and secret, works once.
    code = await codeFor(browser, app);
    res = await exchange(instance, {
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.access_token);
  } finally {
    await instance.close();
  }
});
