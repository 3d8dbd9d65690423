/**
 * Polls in the web UI: written in the compose box (options added and removed, multiple choice,
 * length), voted on in place with JavaScript and by a form post without it, results with the
 * viewer's own votes, totals hidden until the end when the author asks.
 */
import assert from "node:assert/strict";
import { options, signIn, watchProblems, withBrowser } from "./harness.ts";
import { createStatus } from "../../lib/domain/statuses.ts";

Deno.test(
  "web UI: polls are written, voted on and shown",
  options,
  async () => {
    await withBrowser(async (browser, instance, { carol }) => {
      await createStatus(instance.deps, carol, {
        status: "Secret ballot: tea or coffee?",
        poll: {
          options: ["Tea", "Coffee"],
          hideTotals: true,
          expiresIn: 3600,
        },
      });

      // Alice writes a multiple-choice poll with JavaScript.
      const aliceContext = await browser.newContext({
        baseURL: instance.origin,
      });
      const alice = await aliceContext.newPage();
      const problems = watchProblems(alice);
      await signIn(alice, "alice");
      await alice.waitForFunction(() =>
        document.querySelector("script[src*='island-ComposeBox']") !== null
      );
      await alice.getByLabel("What's on your mind?").fill("Best bread?");
      await alice.getByText("Add a poll").click();
      await alice.getByLabel("Option 1").fill("Sourdough");
      await alice.getByLabel("Option 2").fill("Rye");
      await alice.getByRole("button", { name: "Add option" }).click();
      await alice.getByLabel("Option 3").fill("Baguette");
      await alice.getByRole("button", { name: "Add option" }).click();
      await alice.getByLabel("Option 4").fill("Toast");
      assert.equal(
        await alice.getByRole("button", { name: "Add option" }).count(),
        0,
        "four options at most",
      );
      await alice.getByRole("button", { name: "Remove option 4" }).click();
      await alice.getByLabel("Allow several choices").check();
      await alice.getByLabel("Poll length").selectOption({ label: "1 hour" });
      await alice.getByRole("button", { name: "Post", exact: true }).click();
      const posted = alice.locator(".new-statuses article", {
        hasText: "Best bread?",
      });
      await posted.getByText("Baguette").waitFor();
      assert.equal(await posted.getByText("Toast").count(), 0);
      // Her own poll shows results (nobody voted yet) and when it ends.
      await posted.getByText(/0 people voted · Ends .* · Multiple choice/)
        .waitFor();
      const link = await posted.locator(".status-time").getAttribute("href");

      // Bob votes for two options in place.
      const bobContext = await browser.newContext({ baseURL: instance.origin });
      const bob = await bobContext.newPage();
      problems.push(...watchProblems(bob));
      await signIn(bob, "bob", link!);
      await bob.waitForFunction(() =>
        document.querySelector("script[src*='island-PollView']") !== null
      );
      await bob.evaluate(() => {
        (globalThis as { __same?: boolean }).__same = true;
      });
      const bobPoll = bob.locator("article.focused .poll");
      await bobPoll.getByRole("checkbox", { name: "Sourdough" }).check();
      await bobPoll.getByRole("checkbox", { name: "Rye" }).check();
      await bobPoll.getByRole("button", { name: "Vote" }).click();
      await bobPoll.getByText("1 person voted", { exact: false }).waitFor();
      assert.equal(await bobPoll.getByText("Your vote").count(), 2);
      // Multiple choice: each option's share is of the people who voted.
      assert.equal(await bobPoll.getByText("100%").count(), 2);
      assert.equal(
        await bob.evaluate(() => (globalThis as { __same?: boolean }).__same),
        true,
        "voting did not reload the page",
      );

      // Without JavaScript: Carol votes by a form post, and writes a poll by one.
      const plainContext = await browser.newContext({
        baseURL: instance.origin,
        javaScriptEnabled: false,
      });
      const plain = await plainContext.newPage();
      problems.push(...watchProblems(plain));
      await signIn(plain, "carol", link!);
      const plainPoll = plain.locator("article.focused .poll");
      await plainPoll.getByRole("checkbox", { name: "Baguette" }).check();
      await Promise.all([
        plain.waitForURL(`**${link}`),
        plainPoll.getByRole("button", { name: "Vote" }).click(),
      ]);
      await plainPoll.getByText("2 people voted", { exact: false }).waitFor();
      assert.equal(await plainPoll.getByText("Your vote").count(), 1);

      await plain.goto("/compose");
      await plain.getByLabel("What's on your mind?").fill("Lunch?");
      await plain.getByText("Add a poll").click();
      await plain.getByLabel("Option 1").fill("Soup");
      await plain.getByLabel("Option 2").fill("Salad");
      await Promise.all([
        plain.waitForURL("**/home"),
        plain.getByRole("button", { name: "Post", exact: true }).click(),
      ]);
      const lunch = plain.locator("article", { hasText: "Lunch?" });
      await lunch.getByText("Salad").waitFor();
      await lunch.getByText(/0 people voted · Ends/).waitFor();

      // Hidden totals: Alice votes in Carol's poll and sees no numbers until it ends.
      await alice.goto("/public/local");
      const ballot = alice.locator("article", { hasText: "Secret ballot" });
      await ballot.getByRole("radio", { name: "Coffee" }).check();
      await ballot.getByRole("button", { name: "Vote" }).click();
      await ballot.getByText("Results are hidden until the poll ends.")
        .waitFor();
      assert.equal(await ballot.getByText("%").count(), 0);
      assert.equal(await ballot.getByText("Your vote").count(), 1);

      assert.deepEqual(problems, []);
    });
  },
);
