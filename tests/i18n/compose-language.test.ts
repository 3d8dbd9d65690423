/**
 * Writing, polls, dates and the keyboard shortcuts in the reader's interface language: a German
 * user (users.locale = 'de') gets the compose page and its island, a poll, its relative end
 * date and the shortcut help in German, while the same islands speak English to an English user.
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { options, signIn, watchProblems, withBrowser } from "../web/harness.ts";
import { createStatus } from "../../lib/domain/statuses.ts";

async function signedInPage(
  browser: Browser,
  origin: string,
  username: string,
  returnTo: string,
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await signIn(page, username, returnTo);
  return { page, problems };
}

Deno.test(
  "compose, polls, dates and shortcuts follow the user's interface language",
  options,
  async () => {
    await withBrowser(async (browser, instance, { alice, carol }) => {
      await instance.deps.sql`
        UPDATE users SET locale = 'de' WHERE account_id = ${alice.account.id}`;
      const poll = await createStatus(instance.deps, carol, {
        status: "Brot oder Brötchen?",
        poll: { options: ["Brot", "Brötchen"], expiresIn: 3 * 3600 },
      });
      const pollPath = `/@carol/${poll.id}`;

      // Alice, in German: the compose page and the compose island.
      const { page: de, problems } = await signedInPage(
        browser,
        instance.origin,
        "alice",
        "/compose",
      );
      await de.getByRole("heading", { name: "Neuer Beitrag" }).waitFor();
      // "Bilder hinzufügen" is drawn by the island once it runs.
      await de.getByRole("button", { name: "Bilder hinzufügen" }).waitFor();
      const box = de.getByLabel("Was gibt’s Neues?");
      await box.fill("Hallo");
      await de.getByText("Noch 495 Zeichen").waitFor();
      assert.equal(
        await de.getByRole("button", { name: "Veröffentlichen" }).count(),
        1,
      );
      await de.getByLabel("Inhaltswarnung", { exact: true }).check();
      await de.getByLabel("Text der Inhaltswarnung").fill("Brot");
      await de.getByText("Noch 491 Zeichen").waitFor();
      const audience = de.getByLabel("Wer diesen Beitrag sehen kann");
      assert.deepEqual(
        await audience.locator("option").allTextContents(),
        [
          "Öffentlich",
          "Nicht gelistet (nicht in öffentlichen Timelines)",
          "Nur Follower",
          "Nur erwähnte Profile",
        ],
      );
      await de.getByText("Umfrage hinzufügen").click();
      await de.getByRole("button", { name: "Option hinzufügen" }).click();
      await de.getByLabel("Option 3").waitFor();
      await de.getByLabel("Laufzeit der Umfrage").selectOption({
        label: "1 Stunde",
      });
      // The no-JavaScript image fields are gone once the island runs.
      assert.equal(await de.getByText("Bilder anhängen").count(), 0);

      // A poll: German labels, a German relative end date; voting (in the island) stays German.
      await de.goto(pollPath);
      const germanPoll = de.locator("article.focused .poll");
      await germanPoll.getByText(
        /0 Personen haben abgestimmt · Endet in \d+ Stunden/,
      )
        .waitFor();
      await de.waitForFunction(() =>
        document.querySelector("script[src*='island-PollView']") !== null
      );
      await germanPoll.getByRole("radio", { name: "Brot", exact: true })
        .check();
      await germanPoll.getByRole("button", { name: "Abstimmen" }).click();
      await germanPoll.getByText("1 Person hat abgestimmt", { exact: false })
        .waitFor();
      assert.equal(await germanPoll.getByText("Deine Stimme").count(), 1);

      // The shortcut help opens in German on "?".
      await de.getByRole("button", { name: "Tastenkürzel" }).waitFor();
      await de.locator("body").press("?");
      const help = de.getByRole("dialog", { name: "Tastenkürzel" });
      await help.getByText("Den ausgewählten Beitrag favorisieren").waitFor();
      await help.getByRole("button", { name: "Schließen" }).click();
      await help.waitFor({ state: "hidden" });
      assert.deepEqual(problems, []);

      // Bob, in English: the same islands in English.
      const { page: en, problems: enProblems } = await signedInPage(
        browser,
        instance.origin,
        "bob",
        "/compose",
      );
      await en.getByRole("heading", { name: "New post" }).waitFor();
      await en.getByRole("button", { name: "Add images" }).waitFor();
      await en.getByLabel("What's on your mind?").fill("Hello");
      await en.getByText("495 characters left").waitFor();
      assert.equal(await en.getByRole("button", { name: "Post" }).count(), 1);
      assert.equal(await en.getByText("Neuer Beitrag").count(), 0);
      await en.goto(pollPath);
      const englishPoll = en.locator("article.focused .poll");
      await englishPoll.getByText(/1 person voted · Ends in \d+ hours/)
        .waitFor();
      await en.getByRole("button", { name: "Keyboard shortcuts" }).waitFor();
      await en.locator("body").press("?");
      await en.getByRole("dialog", { name: "Keyboard shortcuts" })
        .getByText("Favourite the post in focus").waitFor();
      assert.deepEqual(enProblems, []);
    });
  },
);
