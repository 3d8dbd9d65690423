/**
 * Leaving, walked in Chromium with JavaScript off (plain forms): an alias that can't be found
 * is refused with a message; deleting the account asks for the password, signs out, and
 * signing in again within the grace period leads only to the page that cancels it, which
 * gives the account back. (Moving between two instances: tests/federation/account-moves.)
 */
import assert from "node:assert/strict";
import { options, signIn, watchProblems, withBrowser } from "./harness.ts";
import { PASSWORD } from "./seed.ts";

Deno.test(
  "web UI: aliases, and deleting the account then cancelling",
  options,
  async () => {
    await withBrowser(async (browser, instance, { carol }) => {
      const context = await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signIn(page, "carol", "/settings/profile");
      const settings = page.getByRole("navigation", { name: "Settings" });

      await settings.getByRole("link", { name: "Account aliases" }).click();
      await page.getByLabel("Handle of the old account").fill(
        "@nobody@unknown.invalid",
      );
      await page.getByRole("button", { name: "Create alias" }).click();
      await page.getByRole("alert").getByText(/Could not find/).waitFor();

      await settings.getByRole("link", { name: "Delete account" }).click();
      await page.getByLabel("Current password").fill("not my password");
      await page.getByRole("button", { name: "Delete my account" }).click();
      await page.getByRole("alert").getByText("Current password is wrong")
        .waitFor();
      await page.getByLabel("Current password").fill(PASSWORD);
      await Promise.all([
        page.waitForURL("**/auth/sign_in?deletion_requested=1"),
        page.getByRole("button", { name: "Delete my account" }).click(),
      ]);
      await page.getByText("Your account will be deleted").waitFor();

      // Signed in again: every page leads to the cancel page, which gives the account back.
      await signIn(page, "carol", "/settings/delete");
      await page.goto("/home");
      assert.match(page.url(), /\/settings\/delete$/);
      await page.getByText(/Your account will be deleted on/).waitFor();
      await Promise.all([
        page.waitForURL("**/home"),
        page.getByRole("button", { name: "Cancel the deletion" }).click(),
      ]);
      const [user] = await instance.deps.sql`
      SELECT delete_after FROM users WHERE account_id = ${carol.account.id}`;
      assert.equal(user.delete_after, null);
      assert.deepEqual(problems.filter((p) => !/422/.test(p)), []);
    });
  },
);
