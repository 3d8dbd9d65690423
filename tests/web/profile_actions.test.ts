/**
 * Block and mute from a profile: with JavaScript through the "More" menu and a confirm dialog,
 * without it through plain forms and a confirm page; the profile shows the state afterwards.
 */
import assert from "node:assert/strict";
import { options, signIn, watchProblems, withBrowser } from "./harness.ts";

Deno.test(
  "web UI: mute and block from the profile menu (JavaScript)",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      const context = await browser.newContext({ baseURL: instance.origin });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signIn(page, "carol", "/@bob");
      await page.waitForFunction(() =>
        document.querySelector("script[src*='island-ProfileMenu']") !== null
      );

      // Mute: the page comes back showing it.
      await page.locator("details.menu > summary").click();
      await page.getByRole("button", { name: "Mute @bob" }).click();
      await page.locator(".chip", { hasText: "Muted" }).waitFor();
      await page.locator("details.menu > summary").click();
      await page.getByRole("button", { name: "Unmute @bob" }).waitFor();

      // Block asks first; Cancel leaves everything as it was.
      await page.getByRole("link", { name: "Block @bob" }).click();
      const dialog = page.getByRole("dialog", { name: "Block @bob?" });
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await dialog.waitFor({ state: "hidden" });
      assert.equal(
        await page.locator(".chip", { hasText: "Blocked" }).count(),
        0,
      );

      await page.locator("details.menu > summary").click();
      await page.getByRole("link", { name: "Block @bob" }).click();
      await dialog.getByRole("button", { name: "Block", exact: true }).click();
      await page.locator(".chip", { hasText: "Blocked" }).waitFor();
      await page.getByText("You've blocked this account").waitFor();
      assert.equal(
        await page.getByRole("button", { name: /^Follow\b/ }).count(),
        0,
        "no follow button for a blocked account",
      );

      // Unblock from the header button (a plain form).
      await page.getByRole("button", { name: /^Unblock/ }).first().click();
      await page.getByRole("button", { name: /^Follow\b/ }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });
  },
);

Deno.test(
  "web UI: mute and block without JavaScript (confirm page)",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      const context = await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await signIn(page, "carol", "/@alice");

      await page.locator("details.menu > summary").click();
      await Promise.all([
        page.waitForURL("**/@alice"),
        page.getByRole("button", { name: "Mute @alice" }).click(),
      ]);
      await page.locator(".chip", { hasText: "Muted" }).waitFor();

      await page.locator("details.menu > summary").click();
      await Promise.all([
        page.waitForURL("**/@alice/block"),
        page.getByRole("link", { name: "Block @alice" }).click(),
      ]);
      await page.getByRole("heading", { name: "Block @alice?" }).waitFor();
      await Promise.all([
        page.waitForURL("**/@alice"),
        page.getByRole("button", { name: "Block", exact: true }).click(),
      ]);
      await page.locator(".chip", { hasText: "Blocked" }).waitFor();
      assert.equal(await page.locator("article").count(), 0);

      // Alice's side: carol blocks her, so no follow button, and it says so.
      const other = await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      });
      const alicePage = await other.newPage();
      await signIn(alicePage, "alice", "/@carol");
      await alicePage.locator(".chip", { hasText: "Blocks you" }).waitFor();
      assert.equal(
        await alicePage.getByRole("button", { name: /Follow/ }).count(),
        0,
      );
      await other.close();
      await context.close();
    });
  },
);
