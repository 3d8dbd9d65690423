/**
 * The federation pages in Chromium, with JavaScript off (each page once): an Admin opens Domain
 * blocks from the admin tabs, blocks a domain, edits it into a suspension, previews a CSV
 * import (a malformed line: its number, nothing applied; a good file: what each line does),
 * applies it, exports it, unblocks a domain after confirming, and adds and removes an allowed
 * domain. A Moderator (no manage_federation) sees no such tab and gets a 403.
 */
import assert from "node:assert/strict";
import {
  options,
  signedInWithoutJs,
  signIn,
  withBrowser,
} from "../web/harness.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";

Deno.test(
  "web UI: an Admin manages domain blocks and allowed domains (no JavaScript)",
  options,
  async () => {
    await withBrowser(async (browser, instance, seeded) => {
      const { deps } = instance;
      const { carol, bob } = seeded;
      await deps.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.admin}
                     WHERE id = ${carol.user.id}`;
      await deps.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.moderator}
                     WHERE id = ${bob.user.id}`;
      const blocks = async () =>
        (await deps.sql<{ d: string }[]>`
          SELECT domain || ' ' || severity AS d FROM domain_blocks ORDER BY domain`)
          .map((r) => r.d);

      const { context, page, problems } = await signedInWithoutJs(
        browser,
        instance,
        "carol",
        "/admin",
      );
      await page.getByRole("link", { name: "Domain blocks", exact: true })
        .click();
      await page.getByRole("heading", { name: "Domain blocks" }).waitFor();
      await page.getByText("No domain is blocked.").waitFor();

      // New.
      await page.getByRole("link", { name: "Block a domain" }).click();
      await page.getByLabel("Domain", { exact: true }).fill("Spam.Example");
      await page.getByRole("button", { name: "Block" }).click();
      await page.getByRole("link", { name: "spam.example" }).waitFor();
      assert.deepEqual(await blocks(), ["spam.example silence"]);

      // Edit.
      await page.getByRole("link", { name: "spam.example" }).click();
      await page.getByLabel("Severity").selectOption("suspend");
      await page.getByLabel("Reject reports").check();
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByText("reports rejected").waitFor();
      assert.deepEqual(await blocks(), ["spam.example suspend"]);

      // Import: a malformed line first, then a good file previewed and applied.
      await page.getByRole("link", { name: "Import CSV" }).click();
      await page.getByLabel(/Mastodon's CSV/).fill(
        "#domain,#severity\nok.example,silence\nnot a domain,suspend\n",
      );
      await page.getByRole("button", { name: "Preview" }).click();
      await page.getByText("Line 3:").waitFor();
      await page.getByText("Nothing was applied.").waitFor();
      await page.getByLabel(/Mastodon's CSV/).fill(
        "#domain,#severity,#reject_media\nok.example,silence,false\nspam.example,suspend,true\n",
      );
      await page.getByRole("button", { name: "Preview" }).click();
      await page.getByRole("cell", { name: "block (silence)" }).waitFor();
      await page.getByRole("cell", { name: "reject_media: false → true" })
        .waitFor();
      assert.deepEqual(await blocks(), ["spam.example suspend"], "a preview");
      await page.getByRole("button", { name: "Apply" }).click();
      await page.getByRole("link", { name: "ok.example" }).waitFor();
      assert.deepEqual(await blocks(), [
        "ok.example silence",
        "spam.example suspend",
      ]);

      // Export (a download: read it with the page's cookies).
      const exported = await page.request.get("/admin/domain_blocks/export");
      assert.equal(exported.status(), 200);
      assert.match(await exported.text(), /^#domain,#severity,/);

      // Unblock, after confirming.
      await page.getByRole("row", { name: /ok\.example/ })
        .getByRole("link", { name: "Unblock" }).click();
      await page.getByRole("heading", { name: "Unblock ok.example?" })
        .waitFor();
      await page.getByRole("button", { name: "Unblock ok.example" }).click();
      await page.getByRole("link", { name: "spam.example" }).waitFor();
      assert.deepEqual(await blocks(), ["spam.example suspend"]);

      // Allowed domains.
      await page.getByRole("link", { name: "Allowed domains" }).click();
      await page.getByLabel("Domain", { exact: true }).fill("friends.example");
      await page.getByRole("button", { name: "Allow" }).click();
      await page.getByRole("button", { name: "Remove friends.example" })
        .click();
      await page.getByRole("heading", { name: "Allowed domains" }).waitFor();
      const [{ n }] = await deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM domain_allows`;
      assert.equal(n, 0);
      // The malformed import is answered 422 on purpose; nothing else went wrong.
      assert.deepEqual(problems.filter((p) => !/422/.test(p)), []);
      await context.close();

      // A Moderator: no tab, and a 403.
      const other = await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      });
      const modPage = await other.newPage();
      await signIn(modPage, "bob", "/admin");
      assert.equal(
        await modPage.getByRole("link", { name: "Domain blocks", exact: true })
          .count(),
        0,
      );
      const refused = await modPage.goto("/admin/domain_blocks");
      assert.equal(refused?.status(), 403);
      await other.close();
    });
  },
);
