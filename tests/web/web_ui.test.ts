/**
 * The web UI in a real browser (headless Chromium through playwright-core): a visitor signs up,
 * posts from the compose island and sees the post without a reload, favourites it, follows
 * someone; pages read fine with JavaScript off; the strict CSP holds; the JavaScript a timeline
 * page ships stays small.
 */
import assert from "node:assert/strict";
import {
  javascriptSize,
  options,
  watchProblems,
  withBrowser,
} from "./harness.ts";
import { PASSWORD } from "./seed.ts";

Deno.test(
  "web UI: sign up, post, favourite and follow in the browser",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      const context = await browser.newContext({ baseURL: instance.origin });
      const page = await context.newPage();
      const problems = watchProblems(page);

      // Sign up through the web form and land signed in.
      await page.goto("/auth/sign_up");
      await page.getByLabel("Username").fill("dora");
      await page.getByLabel("Email").fill("dora@example.com");
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Confirm password").fill(PASSWORD);
      await Promise.all([
        page.waitForURL("**/home"),
        page.getByRole("button", { name: "Sign up" }).click(),
      ]);
      // Signed in: the header's menu links to her profile.
      await page.getByRole("link", { name: "Profile", includeHidden: true })
        .waitFor({ state: "attached" });

      // Post from the compose island: the post appears without a page load.
      await page.waitForFunction(() =>
        document.querySelector("script[src*='island-ComposeBox']") !== null
      );
      await page.evaluate(() => {
        (globalThis as { __sameDocument?: boolean }).__sameDocument = true;
      });
      const text = "Hello from a headless browser! #testing";
      const box = page.getByLabel("What's on your mind?");
      await box.fill(text);
      await page.locator("#compose-count").getByText(
        String(500 - [...text].length),
      ).first().waitFor();
      await page.getByRole("button", { name: "Post", exact: true }).click();
      const posted = page.locator(".new-statuses article", { hasText: text });
      await posted.waitFor();
      assert.equal(
        await page.evaluate(() =>
          (globalThis as { __sameDocument?: boolean }).__sameDocument
        ),
        true,
        "posting must not reload the page",
      );
      assert.equal(await box.inputValue(), "", "the compose box is cleared");

      // Favourite it: the button shows pressed, and the server agrees after a reload.
      const favourite = posted.locator(".action-favourite button");
      assert.equal(await favourite.getAttribute("aria-pressed"), "false");
      await favourite.click();
      await posted.locator(".action-favourite button[aria-pressed='true']")
        .waitFor();
      assert.equal(
        await posted.locator(".action-favourite .count").textContent(),
        "1",
      );
      await page.reload();
      const stored = page.locator("article", { hasText: text }).first();
      await stored.locator(".action-favourite button[aria-pressed='true']")
        .waitFor();

      // Follow another account from its profile, in place; the server remembers it.
      await page.goto("/@alice");
      await page.getByRole("button", { name: /^Follow\b/ }).click();
      await page.getByRole("button", { name: /^Unfollow\b/ }).waitFor();
      await page.reload();
      await page.getByRole("button", { name: /^Unfollow\b/ }).waitFor();

      assert.deepEqual(problems, []);
      await context.close();
    });
  },
);

Deno.test(
  "web UI: without JavaScript, profile and status pages read, and favourite, boost, reply, follow and settings forms work",
  options,
  async () => {
    await withBrowser(async (browser, instance, { first }) => {
      const context = await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      });
      const page = await context.newPage();

      const profile = await page.goto("/@alice");
      assert.equal(profile?.status(), 200);
      const csp = profile?.headers()["content-security-policy"] ?? "";
      assert.match(csp, /script-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(
        await page.getByRole("heading", { level: 1 }).textContent(),
        "Alice Liddell",
      );
      await page.getByText("Curious about everything.").waitFor();
      await page.getByText("she/her").waitFor();
      await page.locator("article", { hasText: "Hello, fediverse!" }).waitFor();
      await page.getByRole("link", { name: /1 follower/ }).waitFor();

      await page.goto(`/@alice/${first.id}`);
      const focused = page.locator("article.focused");
      await focused.getByText("Hello, fediverse!").waitFor();
      await page.locator("article", { hasText: "The sourdough thread" })
        .waitFor();
      assert.equal(
        await focused.locator(".action .count").nth(2).textContent(),
        "1",
      );

      // The plain-form fallbacks: sign in and favourite without JavaScript.
      await page.goto(`/auth/sign_in?return_to=/@alice/${first.id}`);
      await page.getByLabel("Username or email").fill("carol");
      await page.getByLabel("Password").fill(PASSWORD);
      await Promise.all([
        page.waitForURL(`**/@alice/${first.id}`),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      await Promise.all([
        page.waitForURL(`**/@alice/${first.id}`),
        page.locator("article.focused .action-favourite button").click(),
      ]);
      assert.equal(
        await page.locator("article.focused .action-favourite button")
          .getAttribute("aria-pressed"),
        "true",
      );
      assert.equal(
        await page.locator("article.focused .action-favourite .count")
          .textContent(),
        "2",
      );

      // Boost it, reply to it, follow its author, and save settings: plain form posts.
      await Promise.all([
        page.waitForURL(`**/@alice/${first.id}`),
        focused.locator(".action-reblog button").click(),
      ]);
      assert.equal(
        await focused.locator(".action-reblog button").getAttribute(
          "aria-pressed",
        ),
        "true",
      );
      assert.equal(
        await focused.locator(".action-reblog .count").textContent(),
        "1",
      );
      await page.locator("#compose").getByLabel("Your reply").fill(
        "@alice a reply typed without JavaScript",
      );
      await Promise.all([
        page.waitForNavigation(),
        page.locator("#compose").getByRole("button", { name: "Reply" }).click(),
      ]);
      await page.goto(`/@alice/${first.id}`);
      await page.locator("article", {
        hasText: "a reply typed without JavaScript",
      }).waitFor();

      await page.goto("/@alice");
      await Promise.all([
        page.waitForURL("**/@alice"),
        page.getByRole("button", { name: /^Follow\b/ }).click(),
      ]);
      await page.getByRole("button", { name: /^Unfollow\b/ }).waitFor();

      await page.goto("/settings/profile");
      await page.getByLabel("Display name").fill("Carol the Barista");
      await Promise.all([
        page.waitForURL("**/settings/profile?saved=1"),
        page.getByRole("button", { name: "Save profile" }).click(),
      ]);
      await page.getByText("Profile saved.").waitFor();
      assert.equal(
        await page.getByLabel("Display name").inputValue(),
        "Carol the Barista",
      );
      await page.goto("/settings/preferences");
      await page.getByRole("radio", { name: /^Unlisted/ }).check();
      await Promise.all([
        page.waitForURL("**/settings/preferences?saved=1"),
        page.getByRole("button", { name: "Save preferences" }).click(),
      ]);
      await page.getByText("Preferences saved.").waitFor();
      assert.equal(
        await page.getByRole("radio", { name: /^Unlisted/ }).isChecked(),
        true,
      );
      await context.close();
    });
  },
);

Deno.test(
  "web UI: a timeline page ships under 30 KB of gzipped JavaScript",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      const context = await browser.newContext({ baseURL: instance.origin });
      const page = await context.newPage();
      await page.goto("/auth/sign_in");
      await page.getByLabel("Username or email").fill("bob");
      await page.getByLabel("Password").fill(PASSWORD);
      await Promise.all([
        page.waitForURL("**/home"),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      const cookie = (await context.cookies()).map((c) =>
        `${c.name}=${c.value}`
      )
        .join("; ");
      const sizes: Record<string, number> = {};
      for (
        const path of ["/home", "/public/local", "/public", "/tags/starling"]
      ) {
        const html = await (await instance.fetch(path, { headers: { cookie } }))
          .text();
        sizes[path] = await javascriptSize(instance.origin, html);
      }
      console.log("gzipped JavaScript per page (bytes):", sizes);
      for (const [path, size] of Object.entries(sizes)) {
        assert.ok(size > 0 && size < 30 * 1024, `${path}: ${size} bytes`);
      }
      await context.close();
    });
  },
);
