/**
 * The moderation pages in Chromium, with JavaScript off (every form works without it): a
 * moderator signs in, sees the dashboard count and the admin.report notification, opens the
 * queue, opens a report — the followers-only post it is about is shown — adds a note, assigns
 * it to herself and resolves it; the queue then has it under Resolved; her profile wears a
 * Moderator badge. Someone without a moderation role gets a 403.
 */
import assert from "node:assert/strict";
import {
  cookieHeader,
  options,
  signedInWithoutJs,
  signIn,
  withBrowser,
} from "../web/harness.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { fileReport } from "../../lib/domain/reports.ts";
import { follow } from "../../lib/domain/relationships.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";

Deno.test(
  "web UI: a moderator works a report from the queue to resolved (no JavaScript)",
  options,
  async () => {
    await withBrowser(async (browser, instance, seeded) => {
      const { deps } = instance;
      const { alice, bob, carol } = seeded;
      await deps.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.moderator}
                     WHERE id = ${carol.user.id}`;
      await follow(deps, bob.account, alice.account);
      const hidden = await createStatus(deps, alice, {
        status: "Only my followers should read this rant.",
        visibility: "private",
      });
      const { report } = await fileReport(deps, bob.account, {
        targetAccountId: alice.account.id,
        statusIds: [hidden.id],
        comment: "Harassing people in private posts",
        category: "other",
        ruleIds: [],
        forward: false,
      });

      const { context, page, problems } = await signedInWithoutJs(
        browser,
        instance,
        "carol",
        "/admin",
      );
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      assert.equal(
        (await page.locator(".admin-counts dd").first().textContent())?.trim(),
        "1",
        "one open report",
      );

      // The admin.report notification is on her notifications page, linking the report.
      await page.goto("/notifications");
      await page.getByText("filed a report").waitFor();
      assert.equal(
        await page.getByRole("link", { name: "Review" }).getAttribute("href"),
        `/admin/reports/${report.id}`,
      );

      await page.goto("/admin");
      await page.getByRole("link", { name: "Reports", exact: true }).click();
      await page.getByRole("link", {
        name: `Report #${report.id} about @alice`,
      }).click();
      await page.getByRole("heading", { name: `Report #${report.id}` })
        .waitFor();
      await page.getByText("Only my followers should read this rant.")
        .waitFor();
      await page.getByText("Harassing people in private posts").waitFor();

      await page.getByLabel("Add a note").fill(
        "Looked at it; clearly abusive.",
      );
      await page.getByRole("button", { name: "Add note" }).click();
      await page.locator(".report-note-content", {
        hasText: "Looked at it; clearly abusive.",
      }).waitFor();

      await page.getByRole("button", { name: "Assign to me" }).click();
      await page.locator(".report-assignee", { hasText: "@carol" }).waitFor();
      await page.getByRole("button", { name: "Resolve" }).click();
      await page.locator(".report-state", { hasText: "Resolved by @carol" })
        .waitFor();
      await page.getByRole("button", { name: "Reopen" }).waitFor();
      const history = await page.locator(".report-history").textContent();
      for (const step of ["added a note", "assigned it", "resolved it"]) {
        assert.ok(history?.includes(step), `history: ${step}`);
      }

      await page.goto("/admin/reports");
      await page.getByText("No open reports.").waitFor();
      await page.getByRole("link", { name: "Resolved" }).click();
      await page.getByRole("link", {
        name: `Report #${report.id} about @alice`,
      })
        .waitFor();
      // Her profile shows her role as a badge.
      await page.goto("/@carol");
      assert.equal(
        (await page.locator(".role-badge").textContent())?.trim(),
        "Moderator",
      );
      assert.deepEqual(problems, []);

      // A form without the page's CSRF token (another site's) changes nothing.
      const forged = await instance.fetch(
        `/admin/reports/${report.id}/reopen`,
        {
          method: "POST",
          headers: {
            cookie: await cookieHeader(context),
            "content-type": "application/x-www-form-urlencoded",
          },
          body: "",
        },
      );
      await forged.body?.cancel();
      assert.equal(forged.status, 403);
      const [stored] = await deps.sql<{ action_taken_at: Date | null }[]>`
        SELECT action_taken_at FROM reports WHERE id = ${report.id}`;
      assert.ok(stored.action_taken_at, "still resolved");

      // Bob holds no moderation role: the pages are closed to him.
      const bobsContext = await browser.newContext({
        baseURL: instance.origin,
      });
      const bobsPage = await bobsContext.newPage();
      await signIn(bobsPage, "bob");
      for (
        const path of [
          "/admin",
          "/admin/reports",
          `/admin/reports/${report.id}`,
        ]
      ) {
        const response = await bobsPage.goto(path);
        assert.equal(response?.status(), 403, path);
      }
      await bobsContext.close();
      await context.close();
    });
  },
);
