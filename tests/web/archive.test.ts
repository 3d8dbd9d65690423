/**
 * The archive page in Chromium, without JavaScript (it is forms only): Alice finds it in the
 * settings, asks for her archive and downloads it once ready; Bob uploads that file, reads the
 * dry run, confirms, and Alice's posts show on his profile.
 */
import assert from "node:assert/strict";
import { options, signedInWithoutJs, withBrowser } from "./harness.ts";
import type { Page } from "playwright-core";

/** Reloads until `text` is on the page (the page says to reload while a job works). */
async function reloadUntil(page: Page, text: string) {
  const deadline = Date.now() + 30_000;
  while (!(await page.content()).includes(text)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${text}`);
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
}

Deno.test({
  name:
    "web: an archive is requested, downloaded and imported on /settings/archive",
  ...options,
  fn: async () => {
    await withBrowser(async (browser, instance) => {
      const alice = await signedInWithoutJs(
        browser,
        instance,
        "alice",
        "/settings/profile",
      );
      await alice.page.getByRole("navigation", { name: "Settings" })
        .getByRole("link", { name: "Archive" }).click();
      await alice.page.getByRole("button", { name: "Request your archive" })
        .click();
      await reloadUntil(alice.page, "Download your archive");
      assert.ok(
        await alice.page.getByText(/You can ask for a new archive after/)
          .isVisible(),
      );
      const [download] = await Promise.all([
        alice.page.waitForEvent("download"),
        alice.page.getByRole("link", { name: "Download your archive" }).click(),
      ]);
      const file = await Deno.makeTempFile({ suffix: ".zip" });
      await download.saveAs(file);
      assert.deepEqual(alice.problems, []);

      const bob = await signedInWithoutJs(
        browser,
        instance,
        "bob",
        "/settings/archive",
      );
      await bob.page.getByLabel("Archive (ZIP)").setInputFiles(file);
      await bob.page.getByRole("button", { name: "Read archive" }).click();
      await reloadUntil(bob.page, "What will be imported");
      const posts = bob.page.getByRole("table", { name: "Dry run" })
        .getByRole("row", { name: /Posts to import/ });
      assert.match(await posts.innerText(), /Posts to import\s+[1-9]/);
      await bob.page.getByRole("button", { name: "Import these posts" })
        .click();
      await reloadUntil(bob.page, "Import finished");
      await bob.page.goto("/@bob");
      assert.ok(
        await bob.page.getByText(/Hello, fediverse! This is my first post/)
          .first().isVisible(),
        "Alice's first post is on Bob's profile now",
      );
      assert.deepEqual(bob.problems, []);
      await Deno.remove(file);
      await alice.context.close();
      await bob.context.close();
    });
  },
});
