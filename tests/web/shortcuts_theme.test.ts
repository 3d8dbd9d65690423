/**
 * Keyboard shortcuts as Mastodon's (j/k move between posts with the focus shown, f favourites
 * the post in focus, ? lists the keys, n goes to the compose box; nothing while typing), and
 * the theme setting overriding the device's colour scheme.
 */
import assert from "node:assert/strict";
import { options, signIn, watchProblems, withBrowser } from "./harness.ts";

Deno.test(
  "web UI: keyboard shortcuts, and a theme chosen in the settings",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      const context = await browser.newContext({
        baseURL: instance.origin,
        viewport: { width: 1280, height: 900 },
        colorScheme: "light",
      });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signIn(page, "bob");
      await page.getByRole("button", { name: "Keyboard shortcuts" }).waitFor();
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return {
            id: el.dataset.statusId ?? null,
            outline: getComputedStyle(el).outlineStyle,
          };
        });
      const ids = await page.locator("article.status").evaluateAll((all) =>
        all.map((a) => (a as HTMLElement).dataset.statusId)
      );
      assert.ok(ids.length >= 2);

      await page.keyboard.press("j");
      // The first shortcut loads what the keys do (not part of the page's JavaScript).
      await page.waitForFunction(
        (id) => (document.activeElement as HTMLElement).dataset.statusId === id,
        ids[0],
      );
      assert.deepEqual(await focused(), { id: ids[0], outline: "solid" });
      await page.keyboard.press("j");
      assert.equal((await focused()).id, ids[1]);
      await page.keyboard.press("k");
      assert.equal((await focused()).id, ids[0]);

      // f favourites the post in focus (through the same button as a click).
      const favourite = page.locator(`article[data-status-id="${ids[0]}"]`)
        .getByRole("button", { name: "Favourite" });
      const before = await favourite.getAttribute("aria-pressed");
      await page.keyboard.press("f");
      await page.waitForFunction(
        ([id, was]) =>
          document.querySelector(
            `article[data-status-id="${id}"] .action-favourite button`,
          )?.getAttribute("aria-pressed") !== was,
        [ids[0], before],
      );

      // ? lists the keys; Escape closes the list.
      await page.keyboard.press("?");
      const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await help.getByText("Favourite the post in focus").waitFor();
      await page.keyboard.press("Escape");
      await help.waitFor({ state: "hidden" });

      // n: the compose box; typing there is text, not shortcuts.
      await page.keyboard.press("n");
      const box = page.getByLabel("What's on your mind?");
      assert.ok(await box.evaluate((el) => el === document.activeElement));
      await page.keyboard.type("just typing j and k");
      assert.equal(await box.inputValue(), "just typing j and k");
      await box.fill("");

      // The theme: dark chosen on a light device.
      await page.goto("/settings/preferences");
      await page.getByLabel("Dark", { exact: true }).check();
      await page.getByRole("button", { name: "Save appearance" }).click();
      await page.getByText("Preferences saved.").waitFor();
      assert.equal(
        await page.locator("html").getAttribute("data-theme"),
        "dark",
      );
      assert.equal(
        await page.evaluate(() =>
          getComputedStyle(document.body).backgroundColor
        ),
        "rgb(17, 19, 25)",
      );
      assert.deepEqual(problems, []);
      await context.close();
    });
  },
);
