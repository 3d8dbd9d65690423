/** Sign-up, sign-in and sign-out through the web forms, with CSRF protection. */
import assert from "node:assert/strict";
import { startTestInstance } from "./helpers/app.ts";
import { FormClient } from "./helpers/forms.ts";

const signUpFields = (csrf: string, username: string) => ({
  _csrf: csrf,
  username,
  email: `${username}@example.com`,
  password: "a good password",
  password_confirmation: "a good password",
});

Deno.test("a visitor signs up, lands signed in, signs out and signs in again", async () => {
  const instance = await startTestInstance();
  try {
    const browser = new FormClient(instance.origin);
    const form = await browser.page("/auth/sign_up");
    assert.equal(form.status, 200);
    assert.ok(form.csrf, "the form carries a CSRF token");

    const created = await browser.post(
      "/auth/sign_up",
      signUpFields(form.csrf, "alice"),
    );
    assert.equal(created.status, 303);
    assert.equal(created.headers.get("location"), "/home");
    const cookie = created.headers.getSetCookie().find((c) =>
      c.startsWith("starling_session=")
    );
    assert.match(cookie!, /HttpOnly/);
    assert.match(cookie!, /SameSite=Lax/);
    assert.doesNotMatch(cookie!, /Secure/, "http origin: no Secure flag");

    const home = await browser.page("/home");
    assert.equal(home.status, 200);
    assert.match(home.html, /@alice/);

    const out = await browser.post("/auth/sign_out", { _csrf: home.csrf });
    assert.equal(out.status, 303);
    assert.equal(
      (await browser.request("/home")).status,
      302,
      "signed out: /home redirects",
    );

    const signIn = await browser.page("/auth/sign_in");
    const wrong = await browser.post("/auth/sign_in", {
      _csrf: signIn.csrf,
      login: "alice",
      password: "not the password",
      return_to: "/home",
    });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /Invalid email or password/);
    const right = await browser.post("/auth/sign_in", {
      _csrf: signIn.csrf,
      login: "alice@example.com",
      password: "a good password",
      return_to: "//evil.example/steal",
    });
    assert.equal(right.status, 303);
    assert.equal(
      right.headers.get("location"),
      "/home",
      "return_to can't leave the site",
    );
  } finally {
    await instance.close();
  }
});

Deno.test("forms without a valid CSRF token are refused and write nothing", async () => {
  const instance = await startTestInstance();
  try {
    const browser = new FormClient(instance.origin);
    await browser.page("/auth/sign_up"); // gets the CSRF cookie
    const forged = await browser.post(
      "/auth/sign_up",
      signUpFields("forged-token", "mallory"),
    );
    assert.equal(forged.status, 403);
    // A token from another visitor's cookie is no good either.
    const other = new FormClient(instance.origin);
    const otherForm = await other.page("/auth/sign_up");
    const stolen = await browser.post(
      "/auth/sign_up",
      signUpFields(otherForm.csrf, "mallory"),
    );
    assert.equal(stolen.status, 403);
    // Right token, but posted from another origin.
    const form = await browser.page("/auth/sign_up");
    const crossSite = await browser.request("/auth/sign_up", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
      },
      body: new URLSearchParams(signUpFields(form.csrf, "mallory")),
    });
    assert.equal(crossSite.status, 403);
    const [{ n }] = await instance.deps
      .sql`SELECT count(*)::int AS n FROM accounts`;
    assert.equal(n, 0);
  } finally {
    await instance.close();
  }
});

Deno.test("sign-up refusals show a clear message and keep what was typed", async () => {
  const instance = await startTestInstance();
  try {
    const browser = new FormClient(instance.origin);
    const { csrf } = await browser.page("/auth/sign_up");
    const bad = await browser.post("/auth/sign_up", {
      ...signUpFields(csrf, "root"),
      email: "keep-me@example.com",
    });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /Username is reserved/);
    assert.match(html, /value="keep-me@example.com"/);
    const mismatch = await browser.post("/auth/sign_up", {
      ...signUpFields(csrf, "bob"),
      password_confirmation: "something else",
    });
    assert.equal(mismatch.status, 422);
    assert.match(
      await mismatch.text(),
      /confirmation doesn(&#39;|'|&apos;)t match/,
    );
  } finally {
    await instance.close();
  }
});

Deno.test("REGISTRATIONS=approval makes new accounts wait; closed refuses sign-ups", async () => {
  const approval = await startTestInstance({
    env: { REGISTRATIONS: "approval" },
  });
  try {
    const browser = new FormClient(approval.origin);
    const { csrf } = await browser.page("/auth/sign_up");
    const response = await browser.post(
      "/auth/sign_up",
      signUpFields(csrf, "pending"),
    );
    assert.equal(response.status, 200);
    assert.match(await response.text(), /waiting for a moderator/);
    assert.ok(
      !browser.cookies.has("starling_session"),
      "not signed in while pending",
    );
    const signIn = await browser.page("/auth/sign_in");
    const attempt = await browser.post("/auth/sign_in", {
      _csrf: signIn.csrf,
      login: "pending",
      password: "a good password",
      return_to: "/home",
    });
    assert.equal(attempt.status, 403);
    assert.match(await attempt.text(), /waiting for approval/);
  } finally {
    await approval.close();
  }
  const closed = await startTestInstance({ env: { REGISTRATIONS: "closed" } });
  try {
    const browser = new FormClient(closed.origin);
    const { csrf, html } = await browser.page("/auth/sign_up");
    assert.match(html, /Registrations are closed/);
    const response = await browser.post(
      "/auth/sign_up",
      signUpFields(csrf, "nobody"),
    );
    assert.equal(response.status, 403);
    const [{ n }] = await closed.deps
      .sql`SELECT count(*)::int AS n FROM accounts`;
    assert.equal(n, 0);
  } finally {
    await closed.close();
  }
});
