/**
 * Password reset by mail, in Chromium through the web pages: "Forgot password?" on the sign-in
 * page, the same answer for an unknown address (and no mail for it), the mailed link's form,
 * then every session and token of the account ended, the new password working, the old one
 * not, and the link working only once. The request form is rate-limited per address.
 */
import assert from "node:assert/strict";
import { options, watchProblems, withBrowser } from "../web/harness.ts";
import { FormClient } from "../helpers/forms.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { linkIn, startMailbox } from "../helpers/smtp.ts";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { RESET_REQUESTED } from "../../lib/mail/mod.ts";

const OLD_PASSWORD = "a good password";
const NEW_PASSWORD = "a better password, chosen by mail";

async function signedInForm(instance: TestInstance, login: string) {
  const browser = new FormClient(instance.origin);
  const { csrf } = await browser.page("/auth/sign_in");
  const response = await browser.post("/auth/sign_in", {
    _csrf: csrf,
    login,
    password: OLD_PASSWORD,
  });
  assert.equal(response.status, 303);
  return browser;
}

async function mailJobsTo(instance: TestInstance, address: string) {
  const [row] = await instance.deps.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM jobs
    WHERE kind = 'mail.send' AND payload->>'to' = ${address}`;
  return row.n;
}

Deno.test({
  ...options,
  name:
    "a forgotten password is reset through the mailed link in the browser; sessions and tokens end",
}, async () => {
  const mailbox = await startMailbox();
  try {
    await withBrowser(async (browser, instance) => {
      const dora = await createUserWithToken(instance, "dora");
      const oldSession = await signedInForm(instance, "dora");

      const context = await browser.newContext({ baseURL: instance.origin });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto("/auth/sign_in");
      await page.getByRole("link", { name: "Forgot password?" }).click();
      await page.getByLabel("Email").fill("dora@example.com");
      await page.getByRole("button", { name: "Send reset link" }).click();
      await page.getByText(RESET_REQUESTED).waitFor();

      // An unknown address gets the very same answer, and no mail is written for it.
      const stranger = new FormClient(instance.origin);
      const form = await stranger.page("/auth/password/new");
      const unknown = await stranger.post("/auth/password/new", {
        _csrf: form.csrf,
        email: "nobody@example.com",
      });
      assert.equal(unknown.status, 200);
      assert.ok((await unknown.text()).includes(RESET_REQUESTED));
      assert.equal(await mailJobsTo(instance, "nobody@example.com"), 0);

      const mail = await mailbox.waitFor("dora@example.com", /Reset/);
      assert.match(mail.text ?? "", /1 hour/);
      const link = linkIn(mail, `${instance.origin}/auth/password/edit?`);

      await page.goto(link);
      await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Set new password" }).click();
      await page.waitForURL("**/auth/sign_in?password_reset=1");
      await page.getByText("Your password was changed").waitFor();

      // The old session and the old token are over.
      const home = await oldSession.request("/home");
      assert.equal(home.status, 302);
      assert.match(home.headers.get("location") ?? "", /\/auth\/sign_in/);
      const me = await api(
        instance,
        dora.token,
        "GET",
        "/api/v1/accounts/verify_credentials",
      );
      assert.equal(me.status, 401);

      // The old password no longer signs in; the new one does.
      const old = new FormClient(instance.origin);
      const oldForm = await old.page("/auth/sign_in");
      const refused = await old.post("/auth/sign_in", {
        _csrf: oldForm.csrf,
        login: "dora",
        password: OLD_PASSWORD,
      });
      assert.equal(refused.status, 401);
      await page.getByLabel("Username or email").fill("dora");
      await page.getByLabel("Password").fill(NEW_PASSWORD);
      await Promise.all([
        page.waitForURL("**/home"),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);

      // The link worked once.
      const reused = await fetch(link);
      assert.equal(reused.status, 404);
      assert.match(await reused.text(), /invalid, was used already/);
      assert.deepEqual(problems, []);
      await context.close();
    }, { env: { SMTP_URL: mailbox.smtpUrl } });
  } finally {
    await mailbox.close();
  }
});

Deno.test({
  name: "asking for reset links is limited per client address",
  sanitizeOps: false,
  sanitizeResources: false,
}, async () => {
  const instance = await startTestInstance();
  try {
    const client = new FormClient(instance.origin);
    const { csrf } = await client.page("/auth/password/new");
    // Through a trusted proxy (loopback) that names the client: loopback itself is exempt.
    const ask = () =>
      client.request("/auth/password/new", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: instance.origin,
          "x-forwarded-for": "203.0.113.9",
        },
        body: new URLSearchParams({ _csrf: csrf, email: "x@example.com" }),
      });
    for (let i = 0; i < 5; i++) {
      const allowed = await ask();
      assert.equal(allowed.status, 200);
      await allowed.body?.cancel();
    }
    const limited = await ask();
    assert.equal(limited.status, 429);
    assert.ok(limited.headers.get("retry-after"));
    await limited.body?.cancel();
  } finally {
    await instance.close();
  }
});
