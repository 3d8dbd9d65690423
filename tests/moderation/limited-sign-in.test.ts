/**
 * A suspended user may still sign in (Mastodon's rule), to a session that reaches only their
 * account status: they read the decision, appeal it once, and sign out. Every other page sends
 * them to their account status, every other form is refused, and their API tokens stay
 * refused. A disabled user still cannot sign in at all.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { FormClient } from "../helpers/forms.ts";
import { createStaff } from "./helpers.ts";

async function signIn(origin: string, login: string) {
  const browser = new FormClient(origin);
  const form = await browser.page("/auth/sign_in");
  const res = await browser.post("/auth/sign_in", {
    _csrf: form.csrf,
    login,
    password: "a good password",
    return_to: "/home",
  });
  await res.body?.cancel();
  return { browser, status: res.status };
}

Deno.test({
  name:
    "a suspended user signs in to their account status and appeals; nothing else",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const admin = await createStaff(instance, "ada", "admin");
      const tom = await createUserWithToken(instance, "tom");
      const dan = await createUserWithToken(instance, "dan");
      const act = (id: string, type: string) =>
        api(
          instance,
          admin.token,
          "POST",
          `/api/v1/admin/accounts/${id}/action`,
          {
            type,
            text: "Spam.",
            send_email_notification: true,
          },
        );
      assert.equal((await act(tom.account.id, "suspend")).status, 200);
      assert.equal((await act(dan.account.id, "disable")).status, 200);

      assert.equal((await signIn(instance.origin, "dan")).status, 403);

      const { browser, status } = await signIn(instance.origin, "tom");
      assert.equal(status, 303);
      const home = await browser.request("/home");
      await home.body?.cancel();
      assert.equal(home.status, 303);
      assert.equal(home.headers.get("location"), "/disputes/strikes");

      const strikes = await browser.page("/disputes/strikes");
      assert.equal(strikes.status, 200);
      assert.match(strikes.html, /Your account is suspended/);
      const strikeId = /href="\/disputes\/strikes\/(\d+)"/.exec(strikes.html)
        ?.[1];
      assert.ok(strikeId, "the suspension is listed");
      const strike = await browser.page(`/disputes/strikes/${strikeId}`);
      assert.match(strike.html, /Spam\./);
      const appealed = await browser.post(`/disputes/strikes/${strikeId}`, {
        _csrf: strike.csrf,
        text: "It was not spam.",
      });
      await appealed.body?.cancel();
      assert.equal(appealed.status, 303);
      const [row] = await instance.deps.sql<{ text: string }[]>`
        SELECT text FROM appeals WHERE account_id = ${tom.account.id}`;
      assert.equal(row?.text, "It was not spam.");

      // Any other form is refused; the API still refuses the user's token.
      const posted = await browser.post("/compose", {
        _csrf: strike.csrf,
        status: "still here",
      });
      await posted.body?.cancel();
      assert.equal(posted.status, 403);
      const me = await api(
        instance,
        tom.token,
        "GET",
        "/api/v1/accounts/verify_credentials",
      );
      assert.equal(me.status, 401);

      const out = await browser.post("/auth/sign_out", { _csrf: strikes.csrf });
      await out.body?.cancel();
      assert.equal(out.status, 303);
      const after = await browser.request("/disputes/strikes");
      await after.body?.cancel();
      assert.notEqual(after.status, 200, "signed out");
    } finally {
      await instance.close();
    }
  },
});
