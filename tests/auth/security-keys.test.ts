/**
 * Security keys as a second factor, in Chromium with a virtual authenticator (the browser's
 * own WebAuthn, driven through the DevTools protocol as a real key would be):
 * - a user with two-factor on adds a named key on /settings/security_keys;
 * - signing in, the second step offers "Use security key", and the key alone completes it;
 * - a key's answer, captured on the wire, does not sign in a second time (its challenge is
 *   spent and a new sign-in gets a new one);
 * - a user without two-factor can't add one; turning two-factor off removes the keys.
 */
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import type { Page } from "playwright-core";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { FormClient } from "../helpers/forms.ts";
import { hasChromium, launchBrowser, SKIP_MESSAGE } from "../web/browser.ts";
import {
  beginEnrolment,
  confirmEnrolment,
  disableTwoFactor,
} from "../../lib/domain/two-factor.ts";
import { listSecurityKeys } from "../../lib/domain/security-keys.ts";

const PASSWORD = "a good password";
if (!hasChromium()) console.warn(SKIP_MESSAGE);

async function signInWithPassword(page: Page) {
  await page.goto("/auth/sign_in?return_to=%2Fhome");
  await page.getByLabel("Username or email").fill("tess");
  await page.getByLabel("Password").fill(PASSWORD);
  await Promise.all([
    page.waitForURL("**/auth/two_factor**"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
}

Deno.test({
  name:
    "security keys: added with a virtual authenticator, sign in with the key alone, an answer works once",
  ignore: !hasChromium(),
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    // WebAuthn binds keys to a domain name; an IP address can't be one.
    const instance = await startTestInstance({ host: "localhost" });
    const browser = await launchBrowser();
    try {
      const { sql } = instance.deps;
      const tess = await createUserWithToken(instance, "tess");
      const userId = tess.user.id;

      // Without two-factor, no key can be added.
      const form = new FormClient(instance.origin);
      const plainSignIn = await form.page("/auth/sign_in");
      (await form.post("/auth/sign_in", {
        _csrf: plainSignIn.csrf,
        login: "tess",
        password: PASSWORD,
        return_to: "/home",
      })).body?.cancel();
      const before = await form.page("/settings/security_keys");
      assert.match(before.html, /Turn on two-factor authentication<\/a>/);
      assert.doesNotMatch(before.html, /Name for the new key/);

      // Two-factor on with an app (a real TOTP computation).
      const enrolment = await beginEnrolment(sql, userId, "tess", "localhost");
      const app = new OTPAuth.TOTP({
        secret: OTPAuth.Secret.fromBase32(enrolment.secret),
      });
      await confirmEnrolment(sql, userId, {
        code: app.generate(),
        password: PASSWORD,
      });

      const context = await browser.newContext({ baseURL: instance.origin });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("WebAuthn.enable");
      await cdp.send("WebAuthn.addVirtualAuthenticator", {
        options: {
          protocol: "ctap2",
          transport: "usb",
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });

      // Sign in with the app's code (the step after the one used to turn it on).
      await signInWithPassword(page);
      assert.equal(
        await page.getByRole("button", { name: "Use security key" }).count(),
        0,
        "no key yet: only the code is asked for",
      );
      await page.getByLabel(/Code from your authenticator app/).fill(
        app.generate({ timestamp: Date.now() + 30_000 }),
      );
      await Promise.all([
        page.waitForURL("**/home"),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);

      // Add a key.
      await page.goto("/settings/security_keys");
      await page.getByLabel("Name for the new key").fill("Blue key");
      await Promise.all([
        page.waitForURL("**/settings/security_keys?added"),
        page.getByRole("button", { name: "Add security key" }).click(),
      ]);
      await page.getByText("Security key added.").waitFor();
      await page.getByRole("cell", { name: "Blue key", exact: true }).waitFor();
      const [key] = await listSecurityKeys(sql, userId);
      assert.equal(key.nickname, "Blue key");
      assert.equal(key.last_used_at, null);

      // Signed out, the key alone completes the second step; its answer is captured.
      await context.clearCookies();
      let captured = "";
      page.on("request", (request) => {
        if (
          request.method() === "POST" &&
          request.url().endsWith("/auth/two_factor")
        ) {
          captured = new URLSearchParams(request.postData() ?? "").get(
            "response",
          ) ?? "";
        }
      });
      await signInWithPassword(page);
      await Promise.all([
        page.waitForURL("**/home"),
        page.getByRole("button", { name: "Use security key" }).click(),
      ]);
      assert.ok(captured, "the key's answer went with the form");
      const [used] = await listSecurityKeys(sql, userId);
      assert.ok(used.last_used_at, "the key's use is recorded");

      // The same answer on a new sign-in (new challenge) is refused.
      const replayer = new FormClient(instance.origin);
      const signIn = await replayer.page("/auth/sign_in");
      (await replayer.post("/auth/sign_in", {
        _csrf: signIn.csrf,
        login: "tess",
        password: PASSWORD,
        return_to: "/home",
      })).body?.cancel();
      const step = await replayer.page("/auth/two_factor?return_to=%2Fhome");
      assert.match(step.html, /Use security key|security-key-sign-in/);
      const replay = await replayer.post("/auth/two_factor", {
        _csrf: step.csrf,
        return_to: "/home",
        response: captured,
      });
      assert.equal(replay.status, 401);
      assert.match(await replay.text(), /security key was not accepted/);
      const home = await replayer.request("/home");
      await home.body?.cancel();
      assert.equal(home.status, 302, "no session from a replayed answer");

      // Turning two-factor off removes the keys.
      await disableTwoFactor(sql, userId, PASSWORD);
      assert.equal((await listSecurityKeys(sql, userId)).length, 0);
      await context.close();
    } finally {
      await browser.close();
      await instance.close();
    }
  },
});
