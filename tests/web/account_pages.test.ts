/**
 * The signed-in user's own pages, walked with JavaScript off (plain forms): bookmarks and
 * favourites, follow requests (accept, reject), muted and blocked accounts (undone from their pages), blocked domains, followed
 * hashtags, and lists (create, add and remove members, the list's timeline, rename with its
 * replies policy and exclusive flag, delete), reached from the header (its "More" menu) and settings navigation.
 */
import assert from "node:assert/strict";
import { options, signIn, watchProblems, withBrowser } from "./harness.ts";
import { PASSWORD } from "./seed.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import { bookmarkStatus } from "../../lib/domain/interactions.ts";
import { block, follow, mute } from "../../lib/domain/relationships.ts";
import { followTag } from "../../lib/domain/search.ts";
import { findAccount } from "../../lib/domain/profiles.ts";

Deno.test("web UI: the account's own pages", options, async () => {
  await withBrowser(async (browser, instance, { bob, carol, first, reply }) => {
    const { deps } = instance;
    const dave = await signUp(deps.sql, {
      username: "dave",
      email: "dave@example.com",
      password: PASSWORD,
    }, { registrations: "open", byOperator: true });
    await bookmarkStatus(deps, bob.account.id, reply.id);
    await mute(deps, bob.account, carol.account, {});
    await block(deps, bob.account, dave.account);
    await followTag(deps.sql, bob.account.id, "starling");
    // Carol approves her followers: Bob's and Dave's follows wait for her answer.
    const lockedCarol = await findAccount(deps.sql, carol.account.id);
    await follow(deps, bob.account, lockedCarol);
    await follow(deps, dave.account, lockedCarol);

    const context = await browser.newContext({
      baseURL: instance.origin,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await signIn(page, "bob");
    const nav = page.getByRole("navigation", { name: "Main" });
    const settings = page.getByRole("navigation", { name: "Settings" });
    // The header's "More" menu (a <details>: it opens without JavaScript).
    const more = async (name: string) => {
      await nav.getByText("More").click();
      await nav.getByRole("link", { name }).click();
    };

    // Bookmarks and favourites, from the header.
    await more("Bookmarks");
    await page.getByRole("heading", { name: "Bookmarks" }).waitFor();
    await page.getByText("The sourdough thread is the best part").waitFor();
    await more("Favourites");
    await page.getByRole("heading", { name: "Favourites" }).waitFor();
    const favourite = page.locator(`article[data-status-id="${first.id}"]`);
    await favourite.waitFor();
    // Unfavouriting from here (a form post) takes it off the page.
    await favourite.getByRole("button", { name: "Favourite" }).click();
    await page.getByText("No favourites yet.").waitFor();

    // Muted and blocked accounts, undone from their pages.
    await page.goto("/settings/profile");
    await settings.getByRole("link", { name: "Muted" }).click();
    await page.getByRole("heading", { name: "Muted accounts" }).waitFor();
    await page.getByRole("button", { name: "Unmute @carol" }).click();
    await page.getByText("You haven't muted anyone.").waitFor();
    await settings.getByRole("link", { name: "Blocked", exact: true }).click();
    await page.getByRole("heading", { name: "Blocked accounts" }).waitFor();
    await page.getByRole("button", { name: "Unblock @dave" }).click();
    await page.getByText("You haven't blocked anyone.").waitFor();

    // Blocked domains: a bad one is refused with a message, a good one listed, then unblocked.
    await settings.getByRole("link", { name: "Blocked domains" }).click();
    await page.getByLabel("Server to block").fill("not a domain!");
    await page.getByRole("button", { name: "Block server" }).click();
    await page.getByRole("alert").getByText(/invalid/).waitFor();
    await page.getByLabel("Server to block").fill("Spam.Example");
    await page.getByRole("button", { name: "Block server" }).click();
    await page.locator(".plain-row", { hasText: "spam.example" }).waitFor();
    await page.getByRole("button", { name: "Unblock spam.example" }).click();
    await page.getByText("You haven't blocked any servers.").waitFor();

    // Followed hashtags.
    await settings.getByRole("link", { name: "Followed hashtags" }).click();
    await page.getByRole("link", { name: "#starling" }).waitFor();
    await page.getByRole("button", { name: "Unfollow #starling" }).click();
    await page.getByText("You don't follow any hashtags.").waitFor();

    // Lists: create, add Alice (whom Bob follows), read, rename, remove, delete.
    await more("Lists");
    await page.getByText("No lists yet.").waitFor();
    await page.getByLabel("Title").fill("Friends");
    await page.getByRole("button", { name: "Create list" }).click();
    await page.getByText("List created.").waitFor();
    await page.getByRole("button", { name: "Add @alice" }).click();
    await page.getByText("Added to the list.").waitFor();
    const members = page.getByRole("region", { name: "Members" });
    await members.getByRole("button", { name: "Remove @alice" }).waitFor();
    await page.getByRole("link", { name: "Open the list" }).click();
    await page.getByRole("heading", { name: "Friends" }).waitFor();
    await page.getByText("Hello, fediverse!").waitFor();
    await page.getByRole("link", { name: "Edit list" }).click();
    await page.getByLabel("Title").fill("Close friends");
    await page.getByLabel("Show replies").selectOption("none");
    await page.getByLabel(/exclusive list/).check();
    await page.getByRole("button", { name: "Save list" }).click();
    await page.getByText("List saved.").waitFor();
    assert.equal(await page.getByLabel("Show replies").inputValue(), "none");
    assert.equal(await page.getByLabel(/exclusive list/).isChecked(), true);
    await page.getByRole("button", { name: "Remove @alice" }).click();
    await members.getByText("No one is in this list yet.").waitFor();
    await more("Lists");
    const row = page.locator(".plain-row", { hasText: "Close friends" });
    await row.getByText("Exclusive").waitFor();
    await row.getByRole("link", { name: /Edit/ }).click();
    await page.getByRole("button", { name: "Delete list" }).click();
    await page.getByText("No lists yet.").waitFor();

    // Follow requests, answered by Carol from her settings.
    await nav.getByText("More").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, "carol");
    await page.goto("/settings/profile");
    await settings.getByRole("link", { name: "Follow requests" }).click();
    await page.getByRole("button", { name: "Accept @bob" }).click();
    await page.getByRole("button", { name: "Reject @dave" }).click();
    await page.getByText("No one is waiting for your answer.").waitFor();
    await page.goto("/@carol/followers");
    await page.getByText("@bob", { exact: true }).waitFor();
    assert.equal(await page.getByText("@dave", { exact: true }).count(), 0);

    // The refused domain was answered 422 on purpose; nothing else went wrong.
    assert.deepEqual(problems.filter((p) => !/422/.test(p)), []);
  });
});
