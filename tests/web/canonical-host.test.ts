/**
 * One address per server: a request whose `Host` isn't ORIGIN's — the listen address
 * `127.0.0.1:PORT` when ORIGIN is `http://localhost:PORT` — is sent to the same path and query on
 * ORIGIN, for pages, the API and ActivityPub alike (301 for GET/HEAD, 308 for the rest). The
 * start line prints ORIGIN, and a new user who opens it, or the listen address, can sign up.
 */
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { settleWithin, startTestInstance } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { freePort, startServer } from "../helpers/server-process.ts";
import { launchBrowser } from "./browser.ts";
import { options } from "./harness.ts";

Deno.test("another Host is redirected to ORIGIN: pages, API and ActivityPub", async () => {
  const instance = await startTestInstance({ host: "localhost" });
  try {
    const port = new URL(instance.origin).port;
    const listenAddress = `http://127.0.0.1:${port}`;
    const cases: [string, string, RequestInit, number][] = [
      ["page", "/auth/sign_up?from=print", {}, 301],
      ["API", "/api/v1/timelines/public?limit=2", {}, 301],
      ["ActivityPub", "/users/alice", {
        headers: { accept: "application/activity+json" },
      }, 301],
      ["HEAD", "/about", { method: "HEAD" }, 301],
      ["API write", "/api/v1/statuses", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }, 308],
      ["inbox", "/inbox", {
        method: "POST",
        headers: { "content-type": "application/activity+json" },
        body: "{}",
      }, 308],
    ];
    for (const [what, path, init, status] of cases) {
      const response = await fetch(`${listenAddress}${path}`, {
        ...init,
        redirect: "manual",
      });
      await response.body?.cancel();
      assert.equal(response.status, status, what);
      assert.equal(
        response.headers.get("location"),
        `${instance.origin}${path}`,
        what,
      );
    }
    // At ORIGIN itself, no redirect.
    const canonical = await instance.fetch("/api/v1/timelines/public", {
      redirect: "manual",
    });
    await canonical.body?.cancel();
    assert.equal(canonical.status, 200);
  } finally {
    await instance.close();
  }
});

Deno.test({
  ...options,
  name:
    "deno task start prints ORIGIN; a new user signs up there, also arriving by the listen address",
  async fn() {
    const database = await createTestDatabase();
    const dataDir = await Deno.makeTempDir({ prefix: "starling-printed-" });
    const port = freePort();
    let browser: Browser | null = null;
    // No ORIGIN: the default, http://localhost:PORT, while it listens on 127.0.0.1.
    const server = await startServer({
      PORT: String(port),
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
      NO_COLOR: "1",
    });
    try {
      const printed = /open (\S+)/.exec(server.output.join(""))?.[1];
      assert.equal(printed, `http://localhost:${port}`, server.output.join(""));

      browser = await launchBrowser();
      for (
        const [username, address] of [
          ["first", printed],
          ["second", `http://127.0.0.1:${port}`],
        ]
      ) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${address}/auth/sign_up`);
        assert.equal(page.url(), `${printed}/auth/sign_up`, username);
        await page.getByLabel("Username").fill(username);
        await page.getByLabel("Email").fill(`${username}@example.com`);
        await page.getByLabel("Password", { exact: true }).fill(
          "a good password",
        );
        await page.getByLabel("Confirm password").fill("a good password");
        await Promise.all([
          page.waitForURL(`${printed}/home`),
          page.getByRole("button", { name: "Sign up" }).click(),
        ]);
        // Signed in as the new account.
        assert.equal(
          await page.getByRole("link", { name: "Profile", includeHidden: true })
            .getAttribute(
              "href",
            ),
          `/@${username}`,
        );
        await context.close();
      }
    } finally {
      await settleWithin(browser?.close(), 10, "browser close");
      server.child.kill("SIGTERM");
      await server.child.status;
      await Deno.remove(dataDir, { recursive: true }).catch(() => {});
      await database.drop();
    }
  },
});
