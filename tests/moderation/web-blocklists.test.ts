/**
 * Blocklist subscriptions in Chromium with JavaScript off (each page once): an Admin opens the
 * Blocklists tab, subscribes to a list (fetched at once: its changes wait for review), applies
 * one change and rejects the other, fetches again, and unsubscribes after confirming.
 */
import assert from "node:assert/strict";
import { options, staffWithoutJs, withBrowser } from "../web/harness.ts";

Deno.test(
  "web UI: an Admin subscribes to a blocklist and reviews its changes (no JavaScript)",
  options,
  async () => {
    const list = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen: () => {} },
      () =>
        new Response(
          "#domain,#severity\nbad.example,suspend\nmeh.example,silence\n",
        ),
    );
    try {
      await withBrowser(async (browser, instance, { carol }) => {
        const { deps } = instance;
        const { context, page, problems } = await staffWithoutJs(
          browser,
          instance,
          carol,
          "admin",
        );
        await page.getByRole("link", { name: "Blocklists" }).click();
        await page.getByText("No blocklist is subscribed to.").waitFor();
        const url = `http://127.0.0.1:${list.addr.port}/list.csv`;
        await page.getByLabel(/List URL/).fill(url);
        await page.getByRole("button", { name: "Subscribe" }).click();

        await page.getByRole("heading", { name: `Blocklist: ${url}` })
          .waitFor();
        await page.getByLabel(/bad\.example: block suspend/).waitFor();
        await page.getByLabel(/meh\.example: block silence/).uncheck();
        await page.getByRole("button", { name: "Apply selected" }).click();
        await page.getByLabel(/meh\.example/).check();
        await page.getByRole("button", { name: "Reject selected" }).click();
        await page.getByText("No change is waiting.").waitFor();
        await page.getByText("meh.example: block silence").waitFor();
        const blocked = await deps.sql<{ domain: string }[]>`
          SELECT domain FROM domain_blocks`;
        assert.deepEqual(blocked.map((b) => b.domain), ["bad.example"]);

        await page.getByRole("button", { name: "Fetch now" }).click();
        await page.getByText("No change is waiting.").waitFor();

        await page.getByRole("link", { name: "Unsubscribe…" }).click();
        await page.getByRole("button", { name: "Unsubscribe" }).click();
        await page.getByText("No blocklist is subscribed to.").waitFor();
        assert.deepEqual(problems, []);
        await context.close();
      });
    } finally {
      await list.shutdown();
    }
  },
);
