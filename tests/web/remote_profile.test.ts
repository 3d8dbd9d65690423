/**
 * `/@user@host` for an account this server has never seen: a signed-in viewer's visit resolves
 * it through federation (a second real instance on loopback) and shows it; an anonymous visitor
 * gets a 404 that says why, with a way to sign in.
 */
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { startTestInstance } from "../helpers/app.ts";
import { launchBrowser } from "./browser.ts";
import { seed } from "./seed.ts";
import { options, signIn } from "./harness.ts";

Deno.test(
  "web UI: a remote profile is resolved for a signed-in viewer",
  options,
  async () => {
    const home = await startTestInstance({ host: "localhost" });
    const remote = await startTestInstance();
    let browser: Browser | null = null;
    try {
      await seed(home.deps);
      await seed(remote.deps);
      browser = await launchBrowser();
      const acct = `alice@${new URL(remote.origin).host}`;
      const context = await browser.newContext({ baseURL: home.origin });
      const page = await context.newPage();

      const anonymous = await page.goto(`/@${acct}`);
      assert.equal(anonymous?.status(), 404);
      await page.getByText("isn't known on this server yet").waitFor();
      await page.getByRole("link", { name: "Sign in" }).last().waitFor();

      await signIn(page, "carol", `/@${acct}`);
      assert.equal(
        await page.getByRole("heading", { level: 1 }).textContent(),
        "Alice Liddell",
      );
      await page.getByText("This account is on another server").waitFor();
      await page.getByRole("button", { name: /^(Request to )?follow\b/i })
        .waitFor();

      const missing = await page.goto(
        `/@nobody-here@${new URL(remote.origin).host}`,
      );
      assert.equal(missing?.status(), 404);
      await page.getByText("We couldn't find").waitFor();
      await context.close();
    } finally {
      await browser?.close();
      await home.close();
      await remote.close();
    }
  },
);
