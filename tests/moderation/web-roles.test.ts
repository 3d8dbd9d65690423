/**
 * Roles in Chromium with JavaScript off (each page once): the Owner opens Roles, is refused a
 * role ranked above their own (the form says why), creates one with a permission, gives it to
 * a user from the account page, sees it counted, and deletes it after confirming.
 */
import assert from "node:assert/strict";
import { options, staffWithoutJs, withBrowser } from "../web/harness.ts";

Deno.test(
  "web UI: the Owner creates a role, gives it to a user and deletes it (no JavaScript)",
  options,
  async () => {
    await withBrowser(async (browser, instance, { carol, bob }) => {
      const { deps } = instance;
      const { context, page, problems } = await staffWithoutJs(
        browser,
        instance,
        carol,
        "owner",
      );
      await page.getByRole("link", { name: "Roles" }).click();
      await page.getByRole("link", { name: "Create a role" }).click();
      await page.getByLabel("Name").fill("Helper");
      await page.getByLabel(/^Position/).fill("5000");
      await page.getByLabel("Manage reports").check();
      await page.getByRole("button", { name: "Create role" }).click();
      await page.getByRole("alert").filter({ hasText: "lower than your own" })
        .waitFor();
      await page.getByLabel(/^Position/).fill("5");
      await page.getByRole("button", { name: "Create role" }).click();
      await page.getByRole("link", { name: "Helper" }).waitFor();

      await page.goto(`/admin/accounts/${bob.account.id}`);
      await page.getByRole("combobox", { name: /^Role/ }).selectOption({
        label: "Helper",
      });
      await page.getByRole("button", { name: "Change role" }).click();
      await page.locator("dd", { hasText: "Helper" }).waitFor();
      const [held] = await deps.sql<{ name: string }[]>`
        SELECT r.name FROM users u JOIN user_roles r ON r.id = u.role_id
        WHERE u.id = ${bob.user.id}`;
      assert.equal(held?.name, "Helper");

      // Permissions by the names the role form gives them (the catalogue's permissionNames).
      await page.goto("/admin/roles");
      const row = page.getByRole("row", { name: /Helper/ });
      assert.match(await row.innerText(), /Helper\s+5\s+1\s+Manage reports/);
      await page.getByRole("link", { name: "Helper" }).click();
      await page.getByRole("link", { name: "Delete this role…" }).click();
      await page.getByRole("button", { name: "Delete Helper" }).click();
      await page.getByRole("heading", { name: "Roles" }).waitFor();
      assert.equal(await page.getByRole("link", { name: "Helper" }).count(), 0);
      // The refused form answered 422 on purpose; nothing else went wrong.
      assert.deepEqual(problems.filter((p) => !/422/.test(p)), []);
      await context.close();
    });
  },
);
