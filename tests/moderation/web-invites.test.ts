/**
 * Invites in Chromium (JavaScript off), with registrations closed: Alice makes a one-use
 * "follow me" link at /invites; a visitor finds sign-up closed, opens the link, is told who
 * invited them, signs up and lands on their home, approved and following Alice; the used link
 * then says it is no longer valid. Alice expires a second link herself. Bob (Admin) sees who
 * invited the new account on its admin page, and expires Alice's third link from
 * /admin/invites after confirming.
 */
import assert from "node:assert/strict";
import { options, signIn, watchProblems, withBrowser } from "../web/harness.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";

Deno.test(
  "web UI: an invite link signs a person up while registrations are closed",
  options,
  async () => {
    await withBrowser(async (browser, instance, seeded) => {
      const { deps } = instance;
      const { alice, bob } = seeded;
      await deps.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.admin}
                     WHERE id = ${bob.user.id}`;
      const noJs = { baseURL: instance.origin, javaScriptEnabled: false };

      // Alice makes a link.
      const aliceContext = await browser.newContext(noJs);
      const alicePage = await aliceContext.newPage();
      const problems = watchProblems(alicePage);
      await signIn(alicePage, "alice", "/invites");
      await alicePage.getByLabel("Max number of uses").selectOption("1");
      await alicePage.getByLabel("Ask people who join to follow you").check();
      await alicePage.getByRole("button", { name: "Generate invite link" })
        .click();
      const link = await alicePage.getByLabel("Invite link").first()
        .inputValue();
      assert.match(link, /\/invite\/[A-Za-z0-9]{8}$/);
      assert.deepEqual(problems, []);

      // A visitor: closed, then in through the link.
      const visitor = await browser.newContext(noJs);
      const page = await visitor.newPage();
      await page.goto("/auth/sign_up");
      await page.getByText("Registrations are closed on this server.")
        .waitFor();
      await page.goto(link);
      await page.getByText("You were invited by @alice.").waitFor();
      await page.getByLabel("Username").fill("newbie");
      await page.getByLabel("Email").fill("newbie@example.org");
      await page.getByLabel("Password", { exact: true }).fill(
        "a good password",
      );
      await page.getByLabel("Confirm password").fill("a good password");
      await Promise.all([
        page.waitForURL("**/home"),
        page.getByRole("button", { name: "Sign up" }).click(),
      ]);
      const [newbie] = await deps.sql<
        { account_id: string; approved: boolean; follows: boolean }[]
      >`
        SELECT u.account_id, u.approved, EXISTS (
          SELECT 1 FROM follows f
          WHERE f.account_id = u.account_id AND f.target_account_id = ${alice.account.id}
        ) AS follows
        FROM users u JOIN accounts a ON a.id = u.account_id
        WHERE a.username = 'newbie'`;
      assert.equal(newbie.approved, true);
      assert.equal(newbie.follows, true, "the invite asked to follow Alice");

      // The one use is spent.
      const late = await (await browser.newContext(noJs)).newPage();
      await late.goto(link);
      await late.getByText("This invite link is no longer valid.").waitFor();

      // Alice ends a link herself; Bob sees who invited the newcomer and expires another.
      await alicePage.getByRole("button", { name: "Generate invite link" })
        .click();
      await alicePage.getByRole("button", { name: "Expire" }).click();
      await alicePage.getByRole("heading", { name: "Invite people" }).waitFor();
      assert.equal(
        await alicePage.getByRole("button", { name: "Expire" }).count(),
        0,
      );
      await alicePage.getByRole("button", { name: "Generate invite link" })
        .click();
      await alicePage.getByRole("button", { name: "Expire" }).waitFor();
      const bobPage = await (await browser.newContext(noJs)).newPage();
      await signIn(bobPage, "bob", `/admin/accounts/${newbie.account_id}`);
      assert.equal(
        await bobPage.locator(".invited-by").innerText(),
        "@alice",
      );
      await bobPage.getByRole("link", { name: "Invites" }).click();
      await bobPage.getByRole("link", { name: "Expire" }).click();
      await bobPage.getByRole("button", { name: "Expire invite" }).click();
      await bobPage.getByRole("heading", { name: "Invites" }).waitFor();
      assert.equal(
        await bobPage.getByRole("link", { name: "Expire" }).count(),
        0,
      );
      const [logged] = await deps.sql<{ action: string }[]>`
        SELECT action FROM admin_action_logs
        WHERE account_id = ${bob.account.id} AND target_type = 'Invite'`;
      assert.equal(logged.action, "expire");
    }, { env: { REGISTRATIONS: "closed" } });
  },
);
