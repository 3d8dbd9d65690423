/**
 * OAuth test helpers: JSON posts, app registration, PKCE pairs, a signed-in browser, and the
 * consent form submitted like a person would.
 */
import assert from "node:assert/strict";
import type { TestInstance } from "./app.ts";
import { FormClient } from "./forms.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import { encodeBase64Url } from "../../lib/domain/base64.ts";

export const REDIRECT = "com.Example.App:/oauth-callback";

export async function postJson(
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

/** A client-credentials token of a new app: what an app signs people up with. */
export async function appToken(
  instance: TestInstance,
  scopes = "read write follow push",
): Promise<string> {
  const app = await postJson(instance, "/api/v1/apps", {
    client_name: "Signup App",
    redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
    scopes,
  });
  const token = await postJson(instance, "/oauth/token", {
    grant_type: "client_credentials",
    client_id: app.body.client_id,
    client_secret: app.body.client_secret,
    scope: scopes,
  });
  return token.body.access_token as string;
}

export async function registerApp(instance: TestInstance, redirect = REDIRECT) {
  const { status, body } = await postJson(instance, "/api/v1/apps", {
    client_name: "Test Client",
    redirect_uris: redirect,
    scopes: "read write follow push",
    website: "https://client.example",
  });
  assert.equal(status, 200);
  return body as { client_id: string; client_secret: string; name: string };
}

export async function pkce() {
  const verifier = encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(verifier),
  );
  return { verifier, challenge: encodeBase64Url(new Uint8Array(digest)) };
}

export async function signedInBrowser(
  instance: TestInstance,
  username: string,
) {
  await signUp(instance.deps.sql, {
    username,
    email: `${username}@example.com`,
    password: "a good password",
  }, { registrations: "open", byOperator: true });
  return await signInBrowser(instance, username);
}

/** A form client signed in as an existing user (password "a good password"). */
export async function signInBrowser(
  instance: Pick<TestInstance, "origin">,
  username: string,
) {
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
export async function consent(
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
