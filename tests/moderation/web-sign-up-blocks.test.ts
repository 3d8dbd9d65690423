/**
 * The sign-up block pages in Chromium, with JavaScript off (each page once): an Admin blocks an
 * e-mail domain (a repeat is refused with a message), makes a range's sign-ups need approval,
 * approves the sign-up that then waits in Pending with its reason, blocks an address and checks
 * another spelling of it, and removes the IP rule after confirming. A Moderator (no
 * manage_blocks) has no such tabs and gets a 403.
 */
import assert from "node:assert/strict";
import {
  options,
  signedInWithoutJs,
  signIn,
  withBrowser,
} from "../web/harness.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";
import { appToken } from "../helpers/oauth.ts";
import { signUpThroughApi } from "./helpers.ts";

Deno.test(
  "web UI: an Admin manages e-mail domain, e-mail address and IP blocks (no JavaScript)",
  options,
  async () => {
    await withBrowser(async (browser, instance, seeded) => {
      const { deps } = instance;
      const { bob, carol } = seeded;
      await deps.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.admin}
                     WHERE id = ${bob.user.id}`;
      await deps.sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.moderator}
                     WHERE id = ${carol.user.id}`;
      const { page, problems } = await signedInWithoutJs(
        browser,
        instance,
        "bob",
        "/admin",
      );

      // E-mail domain blocks.
      await page.getByRole("link", { name: "E-mail domain blocks" }).click();
      await page.getByLabel("Domain").fill("Spam.Example");
      await page.getByRole("button", { name: "Block e-mail domain" }).click();
      await page.getByRole("cell", { name: "spam.example", exact: true })
        .waitFor();
      await page.getByLabel("Domain").fill("spam.example");
      await page.getByRole("button", { name: "Block e-mail domain" }).click();
      await page.getByText("Domain has already been taken").waitFor();
      problems.length = 0; // the 422 of the refused repeat

      // IP blocks: sign-ups from a range need approval.
      await page.getByRole("link", { name: "IP blocks" }).click();
      await page.getByLabel("IP address or range").fill("203.0.113.0/24");
      await page.getByLabel("Rule").selectOption("sign_up_requires_approval");
      await page.getByLabel("Comment (moderators only)").fill("spam wave");
      await page.getByRole("button", { name: "Add rule" }).click();
      await page.getByRole("cell", { name: "203.0.113.0/24", exact: true })
        .waitFor();
      const signedUp = await signUpThroughApi(
        instance,
        await appToken(instance),
        {
          username: "waiting",
          email: "waiting@example.org",
          reason: "My neighbours are here",
        },
        "203.0.113.77",
      );
      assert.equal(signedUp.status, 200, JSON.stringify(signedUp.body));

      // …so it waits in Pending, with its reason, until approved.
      await page.getByRole("link", { name: "Pending" }).click();
      await page.getByText("My neighbours are here").waitFor();
      await page.getByText("from 203.0.113.77").waitFor();
      await page.getByRole("button", { name: "Approve" }).click();
      await page.getByRole("heading", { name: "@waiting" }).waitFor();
      const [approved] = await deps.sql<{ approved: boolean }[]>`
        SELECT u.approved FROM users u JOIN accounts a ON a.id = u.account_id
        WHERE a.username = 'waiting'`;
      assert.equal(approved.approved, true);

      // E-mail address (canonical) blocks.
      await page.getByRole("link", { name: "E-mail address blocks" }).click();
      await page.getByLabel("E-mail address").fill("foobar@gmail.com");
      await page.getByRole("button", { name: "Block address" }).click();
      await page.getByRole("cell", { name: "added by hand" }).waitFor();
      await page.getByLabel("Is this address blocked?").fill(
        "Foo.Bar+x@gmail.com",
      );
      await page.getByRole("button", { name: "Check" }).click();
      await page.getByText("Foo.Bar+x@gmail.com is blocked.").waitFor();

      // Removing the IP rule asks first.
      await page.goto("/admin/ip_blocks");
      await page.getByRole("link", { name: "Remove 203.0.113.0/24" }).click();
      await page.getByRole("heading", {
        name: "Remove the rule for 203.0.113.0/24?",
      }).waitFor();
      await page.getByRole("button", { name: "Remove 203.0.113.0/24" })
        .click();
      await page.getByText("No rules.").waitFor();
      assert.deepEqual(problems, []);

      const log = await deps.sql<{ entry: string }[]>`
        SELECT action || ' ' || target_type AS entry FROM admin_action_logs
        WHERE account_id = ${bob.account.id} ORDER BY id`;
      assert.deepEqual(log.map((l) => l.entry), [
        "create EmailDomainBlock",
        "create IpBlock",
        "approve Account",
        "create CanonicalEmailBlock",
        "destroy IpBlock",
      ]);

      // A Moderator can't.
      const modPage = await (await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      })).newPage();
      await signIn(modPage, "carol", "/admin/reports");
      assert.equal(
        await modPage.getByRole("link", { name: "IP blocks" }).count(),
        0,
      );
      const refused = await modPage.goto("/admin/ip_blocks");
      assert.equal(refused?.status(), 403);
    });
  },
);
