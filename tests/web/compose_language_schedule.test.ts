/**
 * The compose page's language menu: the post carries the language picked (with JavaScript
 * through the API, without it through the `/compose` form), as Mastodon's `language` shows.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  options,
  signedInWithoutJs,
  signIn,
  watchProblems,
  withBrowser,
} from "./harness.ts";

/** The signed-in user's newest post as the API gives it (with the page's own token). */
async function newestPost(
  page: Page,
  origin: string,
): Promise<{ content: string; language: string | null }> {
  const token = await page.locator('meta[name="starling-token"]')
    .getAttribute("content");
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(new URL(path, origin), {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200, path);
    return await response.json() as T;
  };
  const me = await get<{ id: string }>("/api/v1/accounts/verify_credentials");
  const [post] = await get<{ content: string; language: string | null }[]>(
    `/api/v1/accounts/${me.id}/statuses?limit=1`,
  );
  return post;
}

Deno.test(
  "web UI: the language picked on the compose page is the post's language",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      // With JavaScript: the island posts through the API with the language picked.
      const context = await browser.newContext({ baseURL: instance.origin });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signIn(page, "alice", "/compose");
      await page.waitForFunction(() =>
        document.querySelector("script[src*='island-ComposeBox']") !== null
      );
      const menu = page.getByLabel("Language of the post");
      // No posting default set: the interface language comes first.
      assert.equal(await menu.inputValue(), "en");
      await menu.selectOption({ label: "French" });
      await page.getByLabel("What's on your mind?").fill(
        "Bonjour tout le monde",
      );
      await page.getByRole("button", { name: "Post" }).click();
      await page.getByText("Posted.").waitFor();
      const posted = await newestPost(page, instance.origin);
      assert.match(posted.content, /Bonjour tout le monde/);
      assert.equal(posted.language, "fr");
      assert.deepEqual(problems, []);
      await context.close();

      // Without JavaScript: the same menu in the plain form.
      const plain = await signedInWithoutJs(
        browser,
        instance,
        "bob",
        "/compose",
      );
      await plain.page.getByLabel("Language of the post").selectOption({
        label: "German",
      });
      await plain.page.getByLabel("What's on your mind?").fill("Guten Tag");
      await Promise.all([
        plain.page.waitForURL("**/home"),
        plain.page.getByRole("button", { name: "Post" }).click(),
      ]);
      const plainPost = await newestPost(plain.page, instance.origin);
      assert.match(plainPost.content, /Guten Tag/);
      assert.equal(plainPost.language, "de");
      assert.deepEqual(plain.problems, []);
      await plain.context.close();
    });
  },
);
