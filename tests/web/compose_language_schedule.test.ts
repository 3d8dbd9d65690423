/**
 * The compose page's language menu: the post carries the language picked (with JavaScript
 * through the API, without it through the `/compose` form), as Mastodon's `language` shows;
 * "Post at" keeps the post for later (listed by `GET /api/v1/scheduled_statuses`) at the
 * browser's local time (UTC without JavaScript), and a time under five minutes ahead is refused.
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

/** GET an API path with the page's own token. */
async function apiGet<T>(page: Page, origin: string, path: string): Promise<T> {
  const token = await page.locator('meta[name="starling-token"]')
    .getAttribute("content");
  const response = await fetch(new URL(path, origin), {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200, path);
  return await response.json() as T;
}

interface ScheduledStatus {
  scheduled_at: string;
  params: { text: string };
}

/** `at` as a datetime-local value in UTC ("2026-12-08T14:30"). */
const utcLocal = (at: Date) => at.toISOString().slice(0, 16);

/** The signed-in user's newest post as the API gives it. */
async function newestPost(
  page: Page,
  origin: string,
): Promise<{ content: string; language: string | null }> {
  const me = await apiGet<{ id: string }>(
    page,
    origin,
    "/api/v1/accounts/verify_credentials",
  );
  const [post] = await apiGet<{ content: string; language: string | null }[]>(
    page,
    origin,
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

Deno.test(
  "web UI: a post scheduled from the compose page waits in the scheduled statuses",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      // With JavaScript, in Tokyo (UTC+9): the field is local time, the API gets the instant.
      const context = await browser.newContext({
        baseURL: instance.origin,
        timezoneId: "Asia/Tokyo",
      });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signIn(page, "alice", "/compose");
      await page.waitForFunction(() =>
        document.querySelector("script[src*='island-ComposeBox']") !== null
      );
      const tokyo = (at: Date) => utcLocal(new Date(at.getTime() + 9 * 3600e3));
      const soon = new Date(Date.now() + 60e3);
      await page.getByLabel("Post at (optional)").fill(tokyo(soon));
      await page.getByLabel("What's on your mind?").fill("Too early");
      await page.getByRole("button", { name: "Post" }).click();
      await page.getByText("The scheduled date must be in the future")
        .waitFor();
      const later = new Date(Date.now() + 2 * 3600e3);
      later.setUTCSeconds(0, 0);
      await page.getByLabel("Post at (optional)").fill(tokyo(later));
      await page.getByLabel("What's on your mind?").fill("Lunch in Tokyo");
      await page.getByRole("button", { name: "Post" }).click();
      await page.getByText("Scheduled for").waitFor();
      const waiting = await apiGet<ScheduledStatus[]>(
        page,
        instance.origin,
        "/api/v1/scheduled_statuses",
      );
      assert.deepEqual(
        waiting.map((s) => [s.params.text, Date.parse(s.scheduled_at)]),
        [["Lunch in Tokyo", later.getTime()]],
      );
      // The too-soon post was answered 422 on purpose; nothing else went wrong.
      assert.deepEqual(problems.filter((p) => !/422/.test(p)), []);
      await context.close();

      // Without JavaScript: the time is read as UTC, and the page says so.
      const plain = await signedInWithoutJs(
        browser,
        instance,
        "bob",
        "/compose",
      );
      await plain.page.getByText("Without JavaScript this time is read as UTC.")
        .waitFor();
      await plain.page.getByLabel("Post at (optional)").fill(utcLocal(soon));
      await plain.page.getByLabel("What's on your mind?").fill("Too early");
      await plain.page.getByRole("button", { name: "Post" }).click();
      await plain.page.getByText("The scheduled date must be in the future")
        .waitFor();
      // The text typed is given back.
      assert.equal(
        await plain.page.getByLabel("What's on your mind?").inputValue(),
        "Too early",
      );
      await plain.page.getByLabel("Post at (optional)").fill(utcLocal(later));
      await Promise.all([
        plain.page.waitForURL("**/compose?scheduled=*"),
        plain.page.getByRole("button", { name: "Post" }).click(),
      ]);
      await plain.page.getByText("Your post is scheduled for").waitFor();
      const plainWaiting = await apiGet<ScheduledStatus[]>(
        plain.page,
        instance.origin,
        "/api/v1/scheduled_statuses",
      );
      assert.deepEqual(
        plainWaiting.map((s) => [s.params.text, Date.parse(s.scheduled_at)]),
        [["Too early", later.getTime()]],
      );
      assert.deepEqual(plain.problems.filter((p) => !/422/.test(p)), []);
      await plain.context.close();
    });
  },
);
