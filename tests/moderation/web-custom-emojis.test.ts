/**
 * Custom emoji in Chromium: an Admin, with JavaScript off, uploads one through the form on
 * /admin/custom_emojis, finds it with the list's filters and search, files it in a category
 * and disables it on its page, after a refused upload says why. Meanwhile a user's post naming
 * `:blobcat:` shows the image (alt `:blobcat:`) on her profile, as does an announcement on
 * /home, and the compose page lists it under its category: as text without JavaScript, as a
 * button that inserts the code with it.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import {
  options,
  signIn,
  staffWithoutJs,
  watchProblems,
  withBrowser,
} from "../web/harness.ts";
import { BUILT_IN_ROLE_IDS, loadActor } from "../../lib/moderation/mod.ts";
import { createAnnouncement } from "../../lib/instance/mod.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { smallPng } from "../media/helpers.ts";

Deno.test(
  "web UI: an Admin uploads, files and disables a custom emoji; posts and compose show it",
  options,
  async () => {
    await withBrowser(async (browser, instance, { carol, alice }) => {
      const { deps } = instance;
      const { context, page, problems } = await staffWithoutJs(
        browser,
        instance,
        carol,
        "admin",
      );
      await page.getByRole("link", { name: "Custom emoji" }).click();
      await page.getByText("No custom emoji here.").waitFor();
      const png = Buffer.from(await smallPng(32, 32));

      // A bad shortcode is refused with a message (the browser's own check is bypassed).
      await page.getByLabel(/Shortcode \(letters/).evaluate((input) =>
        input.removeAttribute("pattern")
      );
      await page.getByLabel(/Shortcode \(letters/).fill("x");
      await page.getByLabel(/^Image/).setInputFiles({
        name: "blobcat.png",
        mimeType: "image/png",
        buffer: png,
      });
      await page.getByRole("button", { name: "Upload" }).click();
      await page.getByText(/Shortcode must be at least 2 characters/).waitFor();

      await page.getByLabel(/Shortcode \(letters/).fill("blobcat");
      await page.getByLabel(/^Image/).setInputFiles({
        name: "blobcat.png",
        mimeType: "image/png",
        buffer: png,
      });
      await page.getByRole("button", { name: "Upload" }).click();
      // The list's filters: none remote, a search that finds it and one that doesn't.
      const which = page.getByRole("navigation", { name: "Which emoji" });
      await which.getByRole("link", { name: "Remote" }).click();
      await page.getByText("No custom emoji here.").waitFor();
      await which.getByRole("link", { name: "Local" }).click();
      await page.getByLabel("Shortcode", { exact: true }).fill("nothing");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByText("No custom emoji here.").waitFor();
      await page.getByLabel("Shortcode", { exact: true }).fill("blob");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByRole("link", { name: ":blobcat:" }).click();
      await page.getByLabel(/Category/).fill("Cats");
      await page.getByRole("button", { name: "Save category" }).click();
      assert.equal(await page.getByLabel(/Category/).inputValue(), "Cats");

      // The emoji in use: a post shows the image, compose lists it under "Cats".
      await createStatus(deps, alice, { status: "Look :blobcat: here" });
      await page.goto("/@alice");
      const inPost = page.locator(".status-content img.custom-emoji").first();
      assert.equal(await inPost.getAttribute("alt"), ":blobcat:");
      await createAnnouncement(
        deps,
        await loadActor(deps.sql, {
          account_id: carol.account.id,
          role_id: BUILT_IN_ROLE_IDS.admin,
        }),
        { text: "Welcome :blobcat:", publish: true },
      );
      await page.goto("/home");
      assert.equal(
        await page.locator(".announcement img.custom-emoji").getAttribute(
          "alt",
        ),
        ":blobcat:",
      );
      await page.goto("/compose");
      await page.getByText("Custom emoji").click();
      await page.getByRole("region", { name: "Cats" }).getByText(":blobcat:")
        .waitFor();

      await page.goto("/admin/custom_emojis?origin=local");
      await page.getByRole("link", { name: ":blobcat:" }).click();
      await page.getByRole("button", { name: "Disable" }).click();
      await page.getByRole("button", { name: "Enable" }).waitFor();
      const [row] = await deps.sql<
        { disabled: boolean; category: string }[]
      >`SELECT e.disabled, c.name AS category FROM custom_emojis e
        JOIN custom_emoji_categories c ON c.id = e.category_id
        WHERE e.shortcode = 'blobcat'`;
      assert.deepEqual(row, { disabled: true, category: "Cats" });
      await page.goto("/@alice");
      assert.equal(await page.locator("img.custom-emoji").count(), 0);
      // The refused upload's page answers 422 on purpose; nothing else went wrong.
      assert.deepEqual(problems.filter((p) => !/\b422\b/.test(p)), []);
      await context.close();

      // With JavaScript: the picker's button puts the code into the text.
      await deps.sql`UPDATE custom_emojis SET disabled = false`;
      const withJs = await browser.newContext({ baseURL: instance.origin });
      const jsPage = await withJs.newPage();
      const jsProblems = watchProblems(jsPage);
      await signIn(jsPage, "alice", "/compose");
      await jsPage.getByText("Custom emoji").click();
      await jsPage.getByRole("textbox", { name: "What's on your mind?" })
        .fill("Hi");
      await jsPage.getByRole("button", { name: ":blobcat:" }).click();
      assert.equal(
        await jsPage.getByRole("textbox", { name: "What's on your mind?" })
          .inputValue(),
        "Hi :blobcat: ",
      );
      assert.deepEqual(jsProblems, []);
      await withJs.close();
    });
  },
);
