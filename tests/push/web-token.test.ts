/**
 * The web UI's push token (`POST /settings/push_token`): only for a signed-in session with its
 * CSRF token; push-only (it manages the session's subscription, nothing else); the same token
 * when asked again; gone when the session ends. Without JavaScript the preferences page says
 * what browser notifications need instead of offering a switch that can't work.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { signedInBrowser } from "../helpers/oauth.ts";
import { apiFetch } from "../helpers/users.ts";

Deno.test("web push token: session and CSRF only, push scope only, ends with the session", async () => {
  const instance = await startTestInstance();
  try {
    const browser = await signedInBrowser(instance, "alice");
    const page = await browser.page("/settings/preferences");
    assert.match(page.html, /Browser notifications need JavaScript/);
    assert.match(
      page.html,
      /<button[^>]*disabled[^>]*>Turn on browser notifications/,
    );

    const forged = await browser.post("/settings/push_token", {});
    await forged.body?.cancel();
    assert.equal(forged.status, 403);

    const issue = async () => {
      const response = await browser.post("/settings/push_token", {
        _csrf: page.csrf,
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("cache-control"), "no-store");
      return (await response.json()).access_token as string;
    };
    const token = await issue();
    assert.equal(await issue(), token, "the same token when asked again");

    const subscription = await apiFetch(
      instance,
      token,
      "/api/v1/push/subscription",
    );
    assert.equal(subscription.status, 404, "push scope: no subscription yet");
    await subscription.body?.cancel();
    const me = await apiFetch(
      instance,
      token,
      "/api/v1/accounts/verify_credentials",
    );
    assert.equal(me.status, 403, "nothing but push");
    await me.body?.cancel();

    const out = await browser.post("/auth/sign_out", { _csrf: page.csrf });
    await out.body?.cancel();
    const after = await apiFetch(instance, token, "/api/v1/push/subscription");
    assert.equal(after.status, 401);
    await after.body?.cancel();
  } finally {
    await instance.close();
  }
});
