/**
 * Direct messages and filters in the web UI, walked with JavaScript off (plain forms): a
 * conversation listed unread, marked read, opened into its thread, removed; a filter refused
 * without a place to apply, made with a whole-word keyword that hides a post from Home, changed
 * to a warning (the post comes back behind a "Filtered" switch), its keyword removed, deleted.
 */
import assert from "node:assert/strict";
import { options, signedInWithoutJs, withBrowser } from "./harness.ts";
import { createStatus } from "../../lib/domain/statuses.ts";

Deno.test("web UI: direct messages and filters", options, async () => {
  await withBrowser(async (browser, instance, { alice }) => {
    await createStatus(instance.deps, alice, {
      status: "@bob secret plans for the garden",
      visibility: "direct",
    });
    const { context, page, problems } = await signedInWithoutJs(
      browser,
      instance,
      "bob",
      "/home",
    );
    const nav = page.getByRole("navigation", { name: "Main" });

    // Direct messages: unread, marked read, opened, removed.
    await nav.getByRole("link", { name: "Messages" }).click();
    await page.getByRole("heading", { name: "Direct messages" }).waitFor();
    const conversation = page.getByRole("region", {
      name: /With Alice Liddell \(@alice\)/,
    });
    await conversation.getByText("Unread").waitFor();
    await conversation.getByText("secret plans for the garden").waitFor();
    await conversation.getByRole("button", { name: /^Mark read/ }).click();
    await page.getByRole("heading", { name: "Direct messages" }).waitFor();
    assert.equal(await conversation.getByText("Unread").count(), 0);
    await conversation.getByRole("link", { name: /^Open/ }).click();
    await page.waitForURL(/\/@alice\/\d+$/);
    await page.getByText("secret plans for the garden").waitFor();
    await page.goto("/conversations");
    await conversation.getByRole("button", { name: /^Remove/ }).click();
    await page.getByText("No direct messages yet.").waitFor();

    // Filters, from the header's "More" menu (a <details>, so no JavaScript needed).
    await nav.getByText("More").click();
    await nav.getByRole("link", { name: "Filters" }).click();
    await page.getByText("No filters yet.").waitFor();
    await page.getByRole("link", { name: "New filter" }).click();
    await page.getByLabel("Title").fill("Fedi talk");
    for (
      const place of ["Home and lists", "Public timelines", "Conversations"]
    ) {
      await page.getByLabel(place).uncheck();
    }
    await page.getByLabel("New keyword 1").fill("fediverse");
    await page.getByRole("button", { name: "Save filter" }).click();
    await page.getByRole("alert").getByText("Context can't be blank").waitFor();
    // What was typed is kept.
    assert.equal(
      await page.getByLabel("New keyword 1").inputValue(),
      "fediverse",
    );
    await page.getByLabel("Home and lists").check();
    await page.getByLabel("Hide completely").check();
    await page.getByRole("button", { name: "Save filter" }).click();
    await page.getByText("Filter created.").waitFor();
    const row = page.locator(".filter-row", { hasText: "Fedi talk" });
    await row.getByText(/fediverse · Hide completely · in Home and lists/)
      .waitFor();
    await page.goto("/home");
    await page.getByText("The sourdough thread is the best part").waitFor();
    assert.equal(await page.getByText("Hello, fediverse!").count(), 0);

    // Changed to a warning: the post is back, behind a switch naming the filter.
    await page.goto("/filters");
    await row.getByRole("link", { name: /Edit/ }).click();
    await page.getByLabel("Hide with a warning").check();
    await page.getByRole("button", { name: "Save filter" }).click();
    await page.getByText("Filter saved.").waitFor();
    await page.goto("/home");
    const warned = page.locator("details.filtered-warning", {
      hasText: "Fedi talk",
    });
    await warned.getByText("Filtered:").click();
    await warned.getByText("Hello, fediverse!").waitFor();

    // The keyword removed, then the filter deleted.
    await page.goto("/filters");
    await row.getByRole("link", { name: /Edit/ }).click();
    await page.getByLabel("Remove “fediverse”").check();
    await page.getByRole("button", { name: "Save filter" }).click();
    await row.getByText(/No keywords yet/).waitFor();
    await row.getByRole("button", { name: /Delete/ }).click();
    await page.getByText("Filter deleted.").waitFor();
    await page.getByText("No filters yet.").waitFor();

    // The refused filter was answered 422 on purpose; nothing else went wrong.
    assert.deepEqual(problems.filter((p) => !/422/.test(p)), []);
    await context.close();
  });
});

Deno.test(
  "web UI: at phone width every header link shows its label; Explore and its tabs",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      const context = await browser.newContext({
        baseURL: instance.origin,
        viewport: { width: 390, height: 800 },
      });
      const page = await context.newPage();
      const { signIn } = await import("./harness.ts");
      await signIn(page, "bob");
      const nav = page.getByRole("navigation", { name: "Main" });
      for (
        const label of [
          "Home",
          "Notifications",
          "Messages",
          "Explore",
          "Search",
          "More",
        ]
      ) {
        const text = nav.locator(".nav-text", { hasText: label });
        const box = await text.boundingBox();
        assert.ok(
          box && box.width > 10 && box.x >= 0 && box.x + box.width <= 390,
          `${label} shown at 390 px: ${JSON.stringify(box)}`,
        );
      }
      await nav.getByRole("link", { name: "Explore" }).click();
      await page.getByRole("heading", { name: "Explore" }).waitFor();
      // Its tabs: people to follow (Carol posts here and Bob doesn't follow her yet).
      const tabs = page.getByRole("navigation", { name: "Explore" });
      await tabs.getByRole("link", { name: "People" }).click();
      const people = page.getByRole("region", { name: "Suggested people" });
      await people.getByText("@carol", { exact: true }).waitFor();
      await tabs.getByRole("link", { name: "Hashtags" }).click();
      await page.getByRole("region", { name: "Trending hashtags" }).waitFor();
      await context.close();
    });
  },
);
