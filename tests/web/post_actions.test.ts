/**
 * A post's "More" menu: without JavaScript the author pins, mutes the conversation, edits (and reads the edit history), deletes, and deletes and redrafts; with JavaScript a
 * reader copies the link and reports the post with a category, or the account from its profile;
 * a report about a remote account may be forwarded to its server.
 */
import assert from "node:assert/strict";
import { options, signIn, watchProblems, withBrowser } from "./harness.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { startFakePeer } from "../helpers/fake-peer.ts";
import { resolveActorUri } from "../../lib/federation/remote-accounts.ts";

Deno.test("web UI: the post menu's actions", options, async () => {
  await withBrowser(async (browser, instance, { alice, first }) => {
    const doomed = await createStatus(instance.deps, alice, {
      status: "A post about to be deleted",
    });
    const redraft = await createStatus(instance.deps, alice, {
      status: "A post to write again",
      spoilerText: "Draft",
      visibility: "unlisted",
    });
    const postPath = `/@alice/${first.id}`;

    const plainContext = await browser.newContext({
      baseURL: instance.origin,
      javaScriptEnabled: false,
    });
    const page = await plainContext.newPage();
    const problems = watchProblems(page);
    await signIn(page, "alice", postPath);
    const post = page.locator("article.focused");
    const menu = async (item: string) => {
      await post.locator(".status-menu > summary").click();
      await Promise.all([
        page.waitForURL(`**${postPath}`),
        post.getByRole("button", { name: item }).click(),
      ]);
    };
    assert.equal(
      await post.getByRole("button", { name: "Copy link" }).count(),
      0,
    );
    await menu("Pin on profile");
    await menu("Mute conversation");
    await post.locator(".status-menu > summary").click();
    for (
      const done of [
        "Unpin from profile",
        "Unmute conversation",
      ]
    ) {
      await post.getByRole("button", { name: done }).waitFor();
    }
    await page.goto("/@alice");
    await page.locator("article", { hasText: "Hello, fediverse!" }).first()
      .waitFor();

    // Edit, then read the history.
    await page.goto(postPath);
    await post.locator(".status-menu > summary").click();
    await post.getByRole("link", { name: "Edit", exact: true }).click();
    const text = page.getByLabel("Text");
    assert.match(await text.inputValue(), /Hello, fediverse!/);
    await text.fill("Hello again, fediverse! (edited)");
    await Promise.all([
      page.waitForURL(`**${postPath}`),
      page.getByRole("button", { name: "Save changes" }).click(),
    ]);
    await post.getByText("Hello again, fediverse! (edited)").waitFor();
    await post.getByRole("link", { name: /^Edited / }).click();
    await page.getByRole("heading", { name: "Edit history" }).waitFor();
    await page.getByText("Hello again, fediverse! (edited)").waitFor();
    await page.getByText(/Hello, fediverse! This is my first post/).waitFor();
    await page.getByText(/^Original,/).waitFor();

    // Delete: asked first, then gone.
    await page.goto(`/@alice/${doomed.id}`);
    await post.locator(".status-menu > summary").click();
    await post.getByRole("link", { name: "Delete or redraft" }).click();
    await page.getByRole("heading", { name: "Delete this post?" }).waitFor();
    await Promise.all([
      page.waitForURL("**/@alice?deleted=1"),
      page.getByRole("button", { name: "Delete", exact: true }).click(),
    ]);
    assert.equal(await page.getByText("A post about to be deleted").count(), 0);

    // Delete and redraft: the compose page holds the post's text, warning and audience.
    await page.goto(`/@alice/${redraft.id}/delete`);
    await Promise.all([
      page.waitForURL("**/compose?**"),
      page.getByRole("button", { name: "Delete and redraft" }).click(),
    ]);
    assert.equal(
      await page.getByLabel("What's on your mind?").inputValue(),
      "A post to write again",
    );
    assert.equal(
      await page.getByLabel("Content warning text").inputValue(),
      "Draft",
    );
    assert.equal(
      await page.getByLabel("Who can see this post").inputValue(),
      "unlisted",
    );
    const gone = await fetch(`${instance.origin}/@alice/${redraft.id}`);
    await gone.body?.cancel();
    assert.equal(gone.status, 404);

    // With JavaScript, Bob copies the link and reports the post.
    const bobContext = await browser.newContext({
      baseURL: instance.origin,
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const bob = await bobContext.newPage();
    problems.push(...watchProblems(bob));
    await signIn(bob, "bob", postPath);
    const bobPost = bob.locator("article.focused");
    await bobPost.locator(".status-menu > summary").click();
    await bobPost.getByRole("button", { name: "Copy link" }).click();
    await bobPost.getByRole("button", { name: "Link copied" }).waitFor();
    assert.equal(
      await bob.evaluate(() => navigator.clipboard.readText()),
      `${instance.origin}${postPath}`,
    );
    assert.equal(
      await bobPost.getByRole("link", { name: "Edit", exact: true }).count(),
      0,
    );
    await bobPost.getByRole("link", { name: "Report @alice" }).click();
    await bob.getByRole("radio", { name: /It's spam/ }).check();
    await bob.getByLabel(/Anything else/).fill("Looks like an ad");
    await bob.getByRole("button", { name: "Send report" }).click();
    await bob.getByRole("heading", { name: /your report was sent/ }).waitFor();
    const [report] = await instance.deps.sql<
      { category: string; comment: string }[]
    >`SELECT category, comment FROM reports`;
    assert.deepEqual({ ...report }, {
      category: "spam",
      comment: "Looks like an ad",
    });
    // An account, from its profile's menu.
    await bob.goto("/@carol");
    await bob.locator("details.menu > summary").click();
    await bob.getByRole("link", { name: "Report @carol" }).click();
    await bob.getByRole("radio", { name: /Something else/ }).check();
    await bob.getByRole("button", { name: "Send report" }).click();
    await bob.getByRole("heading", { name: /your report was sent/ }).waitFor();
    const [{ count }] = await instance.deps.sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM reports
      WHERE category = 'other' AND status_ids = '{}'`;
    assert.equal(count, 1);
    assert.deepEqual(problems, []);
  });
});

Deno.test(
  "web UI: a report about a remote account can be forwarded to its server",
  options,
  async () => {
    await withBrowser(async (browser, instance) => {
      const peer = startFakePeer();
      // The spammer's inbox: accepts whatever is delivered (the forwarded Flag).
      const inbox = Deno.serve(
        { hostname: "127.0.0.1", port: 0, onListen() {} },
        async (req) => {
          await req.body?.cancel();
          return new Response(null, { status: 202 });
        },
      );
      try {
        const spammer = await peer.actor("spammer", {
          inboxOrigin: `http://127.0.0.1:${inbox.addr.port}`,
        });
        const federation = await instance.deps.federation();
        const account = await resolveActorUri(
          federation.createContext(new URL(instance.origin), instance.deps),
          spammer.id,
        );
        assert.ok(account?.domain);
        const context = await browser.newContext({
          baseURL: instance.origin,
        });
        const page = await context.newPage();
        await signIn(page, "alice", `/@spammer@${account.domain}/report`);
        await page.getByRole("radio", { name: /It's spam/ }).check();
        await page.getByLabel(
          `Also send an anonymous copy to ${account.domain}`,
        )
          .check();
        await page.getByRole("button", { name: "Send report" }).click();
        await page.getByRole("heading", { name: /your report was sent/ })
          .waitFor();
        const [report] = await instance.deps.sql<{ forwarded: boolean }[]>`
          SELECT forwarded FROM reports WHERE target_account_id = ${account.id}`;
        assert.equal(report.forwarded, true);
        await context.close();
      } finally {
        await inbox.shutdown();
        await peer.close();
      }
    });
  },
);
