/**
 * The account moderation pages in Chromium, with JavaScript off (every form works without
 * it): an Admin finds alice under Accounts, limits her with a warning she is told of, is asked
 * to confirm before suspending, suspends and unsuspends her; alice reads the warning on her
 * account status page and appeals it — once; the Admin approves the appeal, which lifts the
 * limit. Someone without a moderation role gets a 403.
 */
import assert from "node:assert/strict";
import {
  options,
  signIn,
  staffWithoutJs,
  withBrowser,
} from "../web/harness.ts";

Deno.test(
  "web UI: an admin limits an account with a warning, the user appeals once, the appeal is approved (no JavaScript)",
  options,
  async () => {
    await withBrowser(async (browser, instance, seeded) => {
      const { alice, carol } = seeded;
      const { context, page, problems } = await staffWithoutJs(
        browser,
        instance,
        carol,
        "admin",
      );
      await page.getByRole("link", { name: "Accounts", exact: true }).click();
      await page.getByLabel("Username").fill("alice");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByRole("link", { name: "@alice", exact: true }).click();
      await page.getByRole("heading", { name: "@alice" }).waitFor();
      const state = page.locator(".account-state");
      assert.equal((await state.textContent())?.trim(), "active");

      await page.getByLabel("Limit", { exact: true }).check();
      await page.getByLabel("Custom warning").fill("Please keep it civil.");
      await page.getByLabel(/Notify the user/).check();
      await page.getByRole("button", { name: "Perform action" }).click();
      await page.locator(".account-state", { hasText: "limited" }).waitFor();
      await page.locator(".account-warnings", {
        hasText: "silence: Please keep it civil.",
      }).waitFor();

      // Suspending asks for the confirmation box first.
      await page.getByLabel("Suspend", { exact: true }).check();
      await page.getByRole("button", { name: "Perform action" }).click();
      await page.getByText("Tick the box to confirm: suspend.").waitFor();
      await page.goBack();
      await page.getByLabel("Suspend", { exact: true }).check();
      await page.getByLabel(/I confirm/).check();
      await page.getByRole("button", { name: "Perform action" }).click();
      await page.locator(".account-state", { hasText: "suspended" }).waitFor();
      await page.getByRole("button", { name: "Undo suspension" }).click();
      await page.locator(".account-state", { hasText: "limited" }).waitFor();
      assert.ok(!(await state.textContent())?.includes("suspended"));

      // Alice reads her warning and appeals it.
      const alices = await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      });
      const alicePage = await alices.newPage();
      await signIn(alicePage, "alice", "/disputes/strikes");
      await alicePage.getByRole("link", { name: /silence/ }).click();
      await alicePage.locator(".strike-text", {
        hasText: "Please keep it civil.",
      }).waitFor();
      await alicePage.getByLabel("Appeal this decision").fill(
        "I was quoting someone else.",
      );
      await alicePage.getByRole("button", { name: "Submit appeal" }).click();
      await alicePage.locator(".appeal-state", { hasText: "Appeal pending" })
        .waitFor();
      assert.equal(
        await alicePage.getByRole("button", { name: "Submit appeal" }).count(),
        0,
        "one appeal per warning",
      );

      await page.getByRole("link", { name: "Appeals", exact: true }).click();
      await page.getByText("I was quoting someone else.").waitFor();
      await page.getByRole("button", { name: "Approve appeal" }).click();
      await page.getByText("No appeals waiting.").waitFor();
      await page.goto(`/admin/accounts/${alice.account.id}`);
      assert.equal((await state.textContent())?.trim(), "active");

      await alicePage.reload();
      await alicePage.locator(".appeal-state", { hasText: "Appeal approved" })
        .waitFor();
      await alicePage.getByText("This decision was reversed.").waitFor();
      // The one expected problem: the 422 of the unconfirmed suspension.
      assert.deepEqual(
        problems.filter((p) => !/422/.test(p)),
        [],
      );
      await alices.close();

      const bobs = await browser.newContext({ baseURL: instance.origin });
      const bobsPage = await bobs.newPage();
      await signIn(bobsPage, "bob");
      for (const path of ["/admin/accounts", "/admin/appeals"]) {
        assert.equal((await bobsPage.goto(path))?.status(), 403, path);
      }
      await bobs.close();
      await context.close();
    });
  },
);
