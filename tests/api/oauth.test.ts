/**
 * OAuth as Mastodon apps use it, part 1: app registration (JSON, form, multipart; custom-scheme
 * and out-of-band redirect URIs), server metadata, CORS, client credentials, app verification.
 * The authorization code flow is in oauth-code.test.ts.
 */
import assert from "node:assert/strict";
import { createRestAPIClient } from "masto";
import { startTestInstance } from "../helpers/app.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import { postJson, REDIRECT, registerApp } from "../helpers/oauth.ts";

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
