/**
 * Hashtag moderation in Chromium with JavaScript off (the page once): a Moderator finds a tag
 * by searching, makes it unusable and approves it to trend; the list then says so, and a new
 * post's hashtag is plain text.
 */
import assert from "node:assert/strict";
import { options, signedInWithoutJs, withBrowser } from "../web/harness.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";
import { api, createUserWithToken } from "../helpers/users.ts";

Deno.test(
  "web UI: a Moderator searches hashtags and sets what one may do (no JavaScript)",
  options,
  async () => {
    await withBrowser(async (browser, instance, { carol }) => {
      const { deps } = instance;
      await deps.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.moderator}
                     WHERE id = ${carol.user.id}`;
      const dan = await createUserWithToken(instance, "dan");
      await api(instance, dan.token, "POST", "/api/v1/statuses", {
        status: "#cheapwatches and #gardening",
      });
      const { context, page, problems } = await signedInWithoutJs(
        browser,
        instance,
        "carol",
        "/admin",
      );
      await page.getByRole("link", { name: "Hashtags" }).click();
      await page.getByLabel("Search hashtags").fill("cheap");
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByRole("link", { name: "#gardening" }).waitFor({
        state: "detached",
      });
      await page.getByRole("link", { name: "#cheapwatches" }).click();
      await page.getByLabel(/Usable/).uncheck();
      await page.getByRole("combobox", { name: "Trends" }).selectOption({
        label: "May trend",
      });
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByRole("status").getByText("Saved.").waitFor();
      assert.equal(await page.getByLabel(/Usable/).isChecked(), false);

      await page.getByRole("link", { name: "Back to hashtags" }).click();
      const line = page.locator(".admin-tags li", { hasText: "#cheapwatches" });
      assert.equal(
        await line.locator(".tag-state").textContent(),
        "may trend · not usable",
      );
      const later = await api(instance, dan.token, "POST", "/api/v1/statuses", {
        status: "again #cheapwatches",
      });
      assert.doesNotMatch(later.body.content, /href/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  },
);
