/**
 * A minimum age (Mastodon 4.4): an Admin sets it at /admin/settings; the instance advertises
 * `registrations.min_age`; sign-up, on the web form and through `POST /api/v1/accounts`, then
 * requires a date of birth and refuses anyone younger, with Mastodon's 422 details. Chromium
 * with JavaScript off, one walk.
 */
import assert from "node:assert/strict";
import { options, signedInWithoutJs, withBrowser } from "../web/harness.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";
import { appToken } from "../helpers/oauth.ts";
import { api } from "../helpers/users.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";

/** `years` ago today (UTC), give or take `days`, as `YYYY-MM-DD`. */
function birthday(years: number, days = 0): string {
  const now = new Date();
  return new Date(Date.UTC(
    now.getUTCFullYear() - years,
    now.getUTCMonth(),
    now.getUTCDate() + days,
  )).toISOString().slice(0, 10);
}

Deno.test(
  "min age: set by an Admin, advertised, and enforced on the sign-up form and the API",
  options,
  async () => {
    await withBrowser(async (browser, instance, seeded) => {
      const before = await api(instance, null, "GET", "/api/v2/instance");
      assert.equal(before.body.registrations.min_age, null);

      await instance.deps
        .sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.admin}
                              WHERE id = ${seeded.carol.user.id}`;
      const admin = await signedInWithoutJs(
        browser,
        instance,
        "carol",
        "/admin/settings",
      );
      await admin.page.getByLabel(/Minimum age to sign up/).fill("16");
      await admin.page.getByRole("button", { name: "Save settings" }).click();
      await admin.page.getByText("Settings saved.").waitFor();
      await admin.context.close();

      const after = await api(instance, null, "GET", "/api/v2/instance");
      await assertResponseMatches("GET", "/api/v2/instance", 200, after.body);
      assert.equal(after.body.registrations.min_age, 16);

      // The web form asks for a date of birth and refuses a fifteen-year-old.
      const context = await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto("/auth/sign_up");
      const fill = async (username: string, born: string) => {
        await page.getByLabel("Username").fill(username);
        await page.getByLabel("Email").fill(`${username}@example.com`);
        await page.getByLabel("Password", { exact: true }).fill(
          "a good password",
        );
        await page.getByLabel("Confirm password").fill("a good password");
        await page.getByLabel(/Date of birth/).fill(born);
        await page.getByRole("button", { name: "Sign up" }).click();
      };
      await fill("young", birthday(16, 1));
      await page.getByText("Date of birth is below the age limit").waitFor();
      await fill("grown", birthday(16));
      await page.waitForURL((url) => !url.pathname.startsWith("/auth/sign_up"));
      const [grown] = await instance.deps.sql`
        SELECT 1 FROM accounts WHERE username = 'grown'`;
      assert.ok(grown, "sixteen today: signed up");
      const [young] = await instance.deps.sql`
        SELECT 1 FROM accounts WHERE username = 'young'`;
      assert.equal(young, undefined);
      await context.close();

      // Through an app: Mastodon's ValidationError with the field's code.
      const token = await appToken(instance);
      const signUp = (username: string, dateOfBirth?: string) =>
        api(instance, token, "POST", "/api/v1/accounts", {
          username,
          email: `${username}@example.com`,
          password: "a good password",
          agreement: true,
          locale: "en",
          ...(dateOfBirth ? { date_of_birth: dateOfBirth } : {}),
        });
      const blank = await signUp("nodate");
      assert.equal(blank.status, 422);
      assert.equal(blank.body.details.date_of_birth[0].error, "ERR_BLANK");
      const under = await signUp("minor", birthday(15));
      assert.equal(under.status, 422);
      await assertResponseMatches("POST", "/api/v1/accounts", 422, under.body);
      assert.equal(
        under.body.error,
        "Validation failed: Date of birth is below the age limit",
      );
      assert.equal(
        under.body.details.date_of_birth[0].error,
        "ERR_BELOW_LIMIT",
      );
      const adult = await signUp("adult", birthday(30));
      assert.equal(adult.status, 200);
      assert.ok(adult.body.access_token);
    }, { env: { REGISTRATIONS: "open" } });
  },
);
