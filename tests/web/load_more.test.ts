/**
 * "Older posts" at the end of a timeline: a plain link to the next page without JavaScript; with
 * it, the next page comes from the API and is appended in place.
 */
import assert from "node:assert/strict";
import { createStatus } from "../../lib/domain/statuses.ts";
import {
  cookieHeader,
  javascriptSize,
  options,
  signIn,
  watchProblems,
  withBrowser,
} from "./harness.ts";

Deno.test(
  "web UI: older posts load in place, and as a page without JavaScript",
  options,
  async () => {
    await withBrowser(async (browser, instance, { alice }) => {
      for (let i = 1; i <= 25; i++) {
        await createStatus(instance.deps, alice, {
          status: `Numbered post ${i}`,
        });
      }
      // 25 + the 5 seeded posts: 20 on the first page, 10 more.
      const context = await browser.newContext({ baseURL: instance.origin });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signIn(page, "bob", "/public/local");
      await page.waitForFunction(() =>
        document.querySelector("script[src*='island-LoadMore']") !== null
      );
      assert.equal(await page.locator("article.status").count(), 20);
      await page.evaluate(() => {
        (globalThis as { __sameDocument?: boolean }).__sameDocument = true;
      });
      await page.getByRole("link", { name: "Older posts" }).click();
      await page.getByText("You've reached the end.").waitFor();
      assert.equal(await page.locator("article.status").count(), 30);
      await page.locator("article", { hasText: "Numbered post 1" }).first()
        .waitFor();
      await page.getByText("10 older posts loaded").waitFor({
        state: "attached",
      });
      assert.equal(
        await page.evaluate(() =>
          (globalThis as { __sameDocument?: boolean }).__sameDocument
        ),
        true,
      );
      assert.deepEqual(problems, []);

      // With the load-more island on it, the page still ships under 30 KB of gzipped JavaScript.
      const html = await (await instance.fetch("/public/local", {
        headers: { cookie: await cookieHeader(context) },
      })).text();
      assert.match(html, /island-LoadMore/);
      const size = await javascriptSize(instance.origin, html);
      assert.ok(size < 30 * 1024, `${size} bytes`);

      const plain = await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      });
      const noJs = await plain.newPage();
      await noJs.goto("/public/local");
      await Promise.all([
        noJs.waitForURL(/max_id=/),
        noJs.getByRole("link", { name: "Older posts" }).click(),
      ]);
      assert.equal(await noJs.locator("article.status").count(), 10);
      await noJs.getByRole("link", { name: /Newer posts/ }).waitFor();
      await plain.close();
      await context.close();
    });
  },
);
