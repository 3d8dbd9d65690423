/**
 * Instance settings and content in Chromium, with JavaScript off (each page once): an Admin
 * names the server, writes its about text, uploads a thumbnail and shows the moderated
 * servers; adds two rules, moves one up, edits and deletes the other after confirming;
 * publishes terms of service; drafts, edits and deletes an announcement, then publishes one;
 * reads the audit log filtered by action. A visitor sees the name, rules, contact and
 * moderated servers on /about, the rules at sign-up, the policy and terms pages; a user sees
 * the announcement on /home and dismisses it with the form; a Moderator (no manage_settings)
 * sees no settings tab and gets a 403.
 */
import assert from "node:assert/strict";
import {
  options,
  signedInWithoutJs,
  watchProblems,
  withBrowser,
} from "../web/harness.ts";
import { Buffer } from "node:buffer";
import {
  BUILT_IN_ROLE_IDS,
  createDomainBlock,
  loadActor,
} from "../../lib/moderation/mod.ts";
import { photoJpeg } from "../media/helpers.ts";

Deno.test(
  "web UI: an Admin sets up the server's name, rules, terms and announcements; users see them (no JavaScript)",
  options,
  async () => {
    await withBrowser(async (browser, instance, seeded) => {
      const { deps } = instance;
      const { carol, bob } = seeded;
      await deps.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.admin}
                     WHERE id = ${carol.user.id}`;
      await deps.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.moderator}
                     WHERE id = ${bob.user.id}`;

      // The Admin.
      const { context, page, problems } = await signedInWithoutJs(
        browser,
        instance,
        "carol",
        "/admin",
      );
      await page.getByRole("link", { name: "Server settings" }).click();
      await page.getByLabel("Server name").fill("Testing Grounds");
      await page.getByLabel(/About this server/).fill(
        "A friendly test server.\n\nBe nice.",
      );
      await page.getByLabel("Contact e-mail").fill("admin@example.com");
      await page.getByLabel("Show the moderated servers to").selectOption(
        "all",
      );
      await page.getByLabel(/Thumbnail/).setInputFiles({
        name: "thumbnail.jpg",
        mimeType: "image/jpeg",
        buffer: Buffer.from(await photoJpeg(64, 48, 1)),
      });
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Settings saved.").waitFor();
      assert.equal(
        await page.getByLabel("Server name").inputValue(),
        "Testing Grounds",
      );
      // The thumbnail is stored with the media and advertised by the instance API.
      const v2 = await (await instance.fetch("/api/v2/instance")).json();
      assert.equal(v2.title, "Testing Grounds");
      const thumbnail = await fetch(v2.thumbnail.url);
      assert.equal(thumbnail.status, 200);
      assert.equal(thumbnail.headers.get("content-type"), "image/jpeg");
      await thumbnail.body?.cancel();
      await page.getByLabel("Remove the thumbnail").check();
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Settings saved.").waitFor();
      const removed = await (await instance.fetch("/api/v2/instance")).json();
      assert.match(removed.thumbnail.url, /\/missing\.png$/);

      await page.getByRole("link", { name: "Terms of service" }).first()
        .click();
      await page.getByLabel(/Terms \(plain text/).fill("Play fair.");
      await page.getByRole("button", { name: "Publish" }).click();
      await page.getByRole("cell", { name: "in force" }).waitFor();

      await page.getByRole("link", { name: "Rules" }).click();
      await page.getByText("No rules yet.").waitFor();
      await page.getByLabel("Rule", { exact: true }).fill("No spam");
      await page.getByRole("button", { name: "Add rule" }).click();
      await page.getByLabel("Rule", { exact: true }).fill("Be excellent");
      await page.getByLabel("Explanation (optional)").fill("To each other.");
      await page.getByRole("button", { name: "Add rule" }).click();
      await page.getByRole("button", { name: "Move up: Be excellent" }).click();
      await page.getByRole("button", { name: "Move down: Be excellent" })
        .waitFor();
      const rules = async () =>
        (await deps.sql<{ text: string }[]>`
          SELECT text FROM server_rules WHERE deleted_at IS NULL
          ORDER BY position`).map((r) => r.text);
      assert.deepEqual(await rules(), ["Be excellent", "No spam"]);
      await page.getByRole("link", { name: "Edit" }).nth(1).click();
      await page.getByLabel("Rule", { exact: true }).fill("No spam, please");
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByText("No spam, please").waitFor();
      await page.getByRole("link", { name: "Delete" }).nth(1).click();
      await page.getByRole("heading", { name: "Delete this rule?" }).waitFor();
      await page.getByRole("button", { name: "Delete rule" }).click();
      await page.getByRole("heading", { name: "Server rules" }).waitFor();
      assert.deepEqual(await rules(), ["Be excellent"]);

      await page.getByRole("link", { name: "Announcements" }).click();
      // A draft, edited, then deleted after confirming.
      await page.getByLabel("Announcement").fill("Old news");
      await page.getByLabel("Publish now").uncheck();
      await page.getByRole("button", { name: "Create announcement" }).click();
      await page.getByRole("cell", { name: "Draft" }).waitFor();
      await page.getByRole("link", { name: "Edit" }).click();
      await page.getByLabel("Announcement").fill("Older news");
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByRole("cell", { name: "Older news" }).waitFor();
      await page.getByRole("link", { name: "Delete" }).click();
      await page.getByRole("heading", { name: "Delete this announcement?" })
        .waitFor();
      await page.getByRole("button", { name: "Delete announcement" }).click();
      await page.getByText("No announcements yet.").waitFor();
      // The one users will see.
      await page.getByLabel("Announcement").fill("Welcome to Testing Grounds!");
      await page.getByRole("button", { name: "Create announcement" }).click();
      await page.getByRole("button", { name: "Unpublish" }).waitFor();

      await page.getByRole("link", { name: "Audit log" }).click();
      await page.getByRole("cell", { name: "Rule Be excellent" }).first()
        .waitFor();
      await page.getByLabel("Action").selectOption("create");
      await page.getByRole("button", { name: "Filter" }).click();
      await page.getByRole("cell", { name: /^Announcement Welcome/ }).waitFor();
      assert.equal(
        await page.getByRole("cell", { name: /^Server settings/ }).count(),
        0,
        "filtered to create",
      );
      assert.deepEqual(problems, []);
      await context.close();

      // A visitor: /about (with the moderated servers), sign-up, privacy policy, terms.
      await createDomainBlock(
        deps,
        await loadActor(deps.sql, {
          ...carol.user,
          role_id: BUILT_IN_ROLE_IDS.admin,
        }),
        "spam.example",
        { severity: "suspend", public_comment: "Spam" },
      );
      const visitor = await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      });
      const anonymous = await visitor.newPage();
      const visitorProblems = watchProblems(anonymous);
      await anonymous.goto("/");
      await anonymous.getByRole("link", { name: "About" }).click();
      await anonymous.getByRole("heading", { name: "Testing Grounds" })
        .waitFor();
      await anonymous.getByText("A friendly test server.").waitFor();
      await anonymous.getByText("Be excellent").waitFor();
      await anonymous.getByRole("link", { name: "admin@example.com" })
        .waitFor();
      // The severity in words, as Mastodon's about page says it.
      await anonymous.getByRole("row", { name: "spam.example Suspended Spam" })
        .waitFor();
      await anonymous.getByRole("link", { name: "Privacy policy" }).first()
        .click();
      await anonymous.getByRole("heading", {
        name: "Privacy policy of Testing Grounds",
      }).waitFor();
      await anonymous.goto("/terms-of-service");
      await anonymous.getByText("Play fair.").waitFor();
      await anonymous.goto("/auth/sign_up");
      await anonymous.getByRole("heading", { name: "Server rules" }).waitFor();
      await anonymous.getByText("To each other.").waitFor();
      assert.equal(
        await anonymous.getByRole("link", { name: "terms of service" })
          .first().getAttribute("href"),
        "/terms-of-service",
      );
      assert.deepEqual(visitorProblems, []);
      await visitor.close();

      // A user: the banner on /home, dismissed with the form.
      const { context: user, page: home, problems: userProblems } =
        await signedInWithoutJs(browser, instance, "alice", "/home");
      const banner = home.getByRole("region", { name: "Announcements" });
      await banner.getByText("Welcome to Testing Grounds!").waitFor();
      await banner.getByRole("button", { name: "Dismiss" }).click();
      await home.waitForURL("**/home");
      assert.equal(
        await home.getByRole("region", { name: "Announcements" }).count(),
        0,
      );
      assert.deepEqual(userProblems, []);
      await user.close();

      // A Moderator: no settings tab, and a 403.
      const { context: other, page: modPage } = await signedInWithoutJs(
        browser,
        instance,
        "bob",
        "/admin",
      );
      assert.equal(
        await modPage.getByRole("link", { name: "Server settings" }).count(),
        0,
      );
      const refused = await modPage.goto("/admin/settings");
      assert.equal(refused?.status(), 403);
      await other.close();
    });
  },
);
