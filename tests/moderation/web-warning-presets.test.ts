/**
 * Warning presets in Chromium with JavaScript off (each page once): an Admin adds a preset,
 * warns a user with it plus words of their own (the warning carries both, the preset first),
 * edits it, and deletes it after ticking the confirmation; the warning keeps its text.
 */
import assert from "node:assert/strict";
import { options, staffWithoutJs, withBrowser } from "../web/harness.ts";

Deno.test(
  "web UI: an Admin manages warning presets and warns with one (no JavaScript)",
  options,
  async () => {
    await withBrowser(async (browser, instance, { carol, bob }) => {
      const { deps } = instance;
      const { context, page, problems } = await staffWithoutJs(
        browser,
        instance,
        carol,
        "admin",
      );
      await page.getByRole("link", { name: "Warning presets" }).click();
      await page.getByText("No preset yet.").waitFor();
      await page.getByLabel("Title").fill("Spam");
      await page.getByLabel("Text").fill("Please stop posting spam.");
      await page.getByRole("button", { name: "Add preset" }).click();
      await page.getByRole("link", { name: "Spam", exact: true }).waitFor();

      await page.goto(`/admin/accounts/${bob.account.id}`);
      await page.getByRole("combobox", { name: /Warning preset/ })
        .selectOption({ label: "Spam" });
      await page.getByLabel("Custom warning").fill("Last warning.");
      await page.getByRole("button", { name: "Perform action" }).click();
      await page.locator(".account-warnings li").first().waitFor();
      const [warning] = await deps.sql<{ text: string }[]>`
        SELECT text FROM account_warnings WHERE target_account_id = ${bob.account.id}`;
      assert.equal(warning.text, "Please stop posting spam.\n\nLast warning.");

      await page.goto("/admin/warning_presets");
      await page.getByRole("link", { name: "Spam", exact: true }).click();
      await page.getByLabel("Title").fill("Spam (final)");
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByRole("link", { name: "Spam (final)" }).click();
      await page.getByLabel(/Delete this preset/).check();
      await page.getByRole("button", { name: "Delete" }).click();
      await page.getByText("No preset yet.").waitFor();
      const [kept] = await deps.sql<{ text: string }[]>`
        SELECT text FROM account_warnings WHERE target_account_id = ${bob.account.id}`;
      assert.equal(kept.text, warning.text);
      assert.deepEqual(problems, []);
      await context.close();
    });
  },
);
