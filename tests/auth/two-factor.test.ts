/**
 * Two-factor sign-in with an authenticator app, through the web forms, with codes computed by a
 * real TOTP implementation (otpauth, as an app would):
 * - set-up shows a key (and QR code); it turns on only with a current code and the password,
 *   and shows ten recovery codes once;
 * - signing in then needs the password and a code: no session before the second step; a wrong
 *   code is refused; a code's time step works once; a recovery code works once;
 * - the second step can't be reached without the password step;
 * - turning it off needs the password, and sign-in is one step again.
 */
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { FormClient } from "../helpers/forms.ts";

const PASSWORD = "a good password";

async function passwordStep(origin: string) {
  const client = new FormClient(origin);
  const form = await client.page("/auth/sign_in");
  const res = await client.post("/auth/sign_in", {
    _csrf: form.csrf,
    login: "tess",
    password: PASSWORD,
    return_to: "/home",
  });
  await res.body?.cancel();
  return { client, location: res.headers.get("location") };
}

async function secondStep(client: FormClient, code: string) {
  const form = await client.page("/auth/two_factor?return_to=%2Fhome");
  const res = await client.post("/auth/two_factor", {
    _csrf: form.csrf,
    return_to: "/home",
    code,
  });
  await res.body?.cancel();
  return res.status;
}

async function homeStatus(client: FormClient) {
  const res = await client.request("/home");
  await res.body?.cancel();
  return res.status;
}

Deno.test({
  name:
    "two-factor sign-in: set-up, codes once, recovery codes once, turning it off",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      await createUserWithToken(instance, "tess");
      const { client: me } = await passwordStep(instance.origin);
      let settings = await me.page("/settings/two_factor");
      assert.match(settings.html, /Off\./);
      const setup = await me.post("/settings/two_factor", {
        _csrf: settings.csrf,
        do: "setup",
      });
      const setupHtml = await setup.text();
      const secret = /Key: <code>([A-Z2-7]+)<\/code>/.exec(setupHtml)?.[1];
      assert.ok(secret, "the key is shown");
      assert.match(setupHtml, /<svg/, "and its QR code");
      const app = new OTPAuth.TOTP({
        secret: OTPAuth.Secret.fromBase32(secret),
      });

      const wrongPassword = await me.post("/settings/two_factor", {
        _csrf: settings.csrf,
        do: "enable",
        code: app.generate(),
        password: "not my password",
      });
      assert.equal(wrongPassword.status, 422);
      await wrongPassword.body?.cancel();
      const enabled = await me.post("/settings/two_factor", {
        _csrf: settings.csrf,
        do: "enable",
        code: app.generate(),
        password: PASSWORD,
      });
      const enabledHtml = await enabled.text();
      const codes = [
        ...enabledHtml.matchAll(/<li><code>([0-9a-f]{10})<\/code>/g),
      ]
        .map((m) => m[1]);
      assert.equal(codes.length, 10, "ten recovery codes, shown once");
      settings = await me.page("/settings/two_factor");
      assert.doesNotMatch(settings.html, /<code>[0-9a-f]{10}<\/code>/);

      // The password alone gives no session.
      const first = await passwordStep(instance.origin);
      assert.match(first.location ?? "", /^\/auth\/two_factor/);
      assert.equal(
        await homeStatus(first.client),
        302,
        "no session yet: sent to sign in",
      );
      assert.equal(await secondStep(first.client, "000000"), 401);
      // The step used to turn it on is spent: the app's next code signs in.
      const next = app.generate({ timestamp: Date.now() + 30_000 });
      assert.equal(await secondStep(first.client, next), 303);
      assert.equal(await homeStatus(first.client), 200);

      // The same code again is a replay.
      const replay = await passwordStep(instance.origin);
      assert.equal(await secondStep(replay.client, next), 401);
      assert.equal(
        await secondStep(replay.client, codes[0]),
        303,
        "a recovery code",
      );
      const again = await passwordStep(instance.origin);
      assert.equal(
        await secondStep(again.client, codes[0]),
        401,
        "used once only",
      );

      // No second step without the first.
      const stranger = new FormClient(instance.origin);
      const page = await stranger.request("/auth/two_factor");
      await page.body?.cancel();
      assert.equal(page.status, 302);
      assert.match(page.headers.get("location") ?? "", /^\/auth\/sign_in/);

      // Off, with the password: one step again.
      const off = await me.post("/settings/two_factor", {
        _csrf: settings.csrf,
        do: "disable",
        password: PASSWORD,
      });
      await off.body?.cancel();
      assert.equal(off.status, 303);
      const plain = await passwordStep(instance.origin);
      assert.equal(plain.location, "/home");
    } finally {
      await instance.close();
    }
  },
});
