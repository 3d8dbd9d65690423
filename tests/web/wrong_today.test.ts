/**
 * The "wrong today" list of issue 18, as a user sees it in Chromium: posting-default radios sit
 * beside their labels; search never says "Nothing found" above its results; a hashtag page
 * titles itself once and its live stream works; sensitive media is hidden until asked for and a
 * content warning says what media it hides; zero counts are shown as "0"; bots carry a badge;
 * notifications held back by the policy can be reviewed, accepted and dismissed; the OAuth
 * consent page says where access is revoked.
 */
import assert from "node:assert/strict";
import sharp from "sharp";
import { options, signIn, watchProblems, withBrowser } from "./harness.ts";
import { untilSubscribed } from "../helpers/streams.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { createStatusWithUploads } from "../../lib/domain/compose.ts";
import { updateProfile } from "../../lib/domain/profiles.ts";
import type { Deps } from "../../lib/deps.ts";
import { changeNotificationPolicy } from "../../lib/domain/notification-policy.ts";

async function untilNoSubscriptions(instance: { deps: Deps }) {
  while (instance.deps.streams.subscriptionCount > 0) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

const png = async () =>
  new Uint8Array(
    await sharp({
      create: {
        width: 40,
        height: 30,
        channels: 3,
        background: { r: 30, g: 120, b: 200 },
      },
    }).png().toBuffer(),
  );

Deno.test(
  "web UI: the issue 18 'wrong today' list is right",
  options,
  async () => {
    await withBrowser(async (browser, instance, { alice, bob, carol }) => {
      const { deps } = instance;
      await updateProfile(deps, carol, { bot: true });
      const image = async (description: string) => ({
        name: "sky.png",
        bytes: await png(),
        claimedType: "image/png",
        description,
      });
      await createStatusWithUploads(deps, bob, {
        status: "A picture marked sensitive, no warning",
        sensitive: true,
      }, [await image("Blue sky")]);
      await createStatusWithUploads(deps, bob, {
        status: "Two pictures behind a warning",
        spoilerText: "Holiday photos",
      }, [await image("Sky one"), await image("Sky two")]);
      // Alice follows nobody, so mentions from bob and carol are held back.
      await changeNotificationPolicy(deps.sql, alice.account.id, {
        for_not_following: "filter",
      });
      await createStatus(deps, carol, { status: "@alice beep boop" });
      await createStatus(deps, bob, { status: "@alice are you there?" });

      const context = await browser.newContext({ baseURL: instance.origin });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await signIn(page, "alice");

      // Radios are checkbox-sized and on one line with their label.
      await page.goto("/settings/preferences");
      const radio = page.getByRole("radio", { name: /Followers only/ });
      const box = (await radio.boundingBox())!;
      const label = (await page.locator("label.checkbox", {
        hasText: "Followers only",
      }).boundingBox())!;
      assert.ok(box.width < 30, `radio is ${box.width}px wide`);
      assert.ok(
        label.height < box.height * 3,
        "the radio and its text share a line",
      );

      // Search: results without "Nothing found"; nothing found says so.
      await page.goto("/search?q=sourdough");
      await page.getByRole("heading", { name: "Posts" }).waitFor();
      assert.equal(await page.getByText(/Nothing found/).count(), 0);
      await page.goto("/search?q=zzzxqv");
      await page.getByText(/Nothing found/).waitFor();

      // The hashtag page: "#starling" once, and new tagged posts arrive live.
      // (From a blank page, so no earlier page's socket is counted: the tag page holds two, the
      // notification badge's and its own.)
      await page.goto("about:blank");
      await untilNoSubscriptions(instance);
      await page.goto(`${instance.origin}/tags/starling`);
      assert.equal(
        (await page.getByRole("heading", { level: 1 }).innerText()).trim(),
        "#starling",
      );
      await untilSubscribed(instance, 2);
      await createStatus(deps, bob, { status: "More about #starling" });
      await page.getByRole("button", { name: "1 new post" }).waitFor();

      // Sensitive media hidden until shown; a warning names what it hides; counts say 0.
      await page.goto("/public/local");
      const sensitive = page.locator("article", {
        hasText: "A picture marked sensitive",
      });
      const hidden = sensitive.getByRole("img", { name: "Blue sky" });
      assert.equal(await hidden.isVisible(), false);
      await sensitive.getByText("Sensitive content (1 image)").click();
      await hidden.waitFor({ state: "visible" });
      const warned = page.locator("article", { hasText: "Holiday photos" });
      await warned.getByText("Holiday photos (2 images)").waitFor();
      assert.equal(
        await warned.getByRole("img", { name: "Sky one" }).isVisible(),
        false,
      );
      assert.equal(
        await sensitive.locator(".action-reply .count").innerText(),
        "0",
      );
      assert.equal(
        await sensitive.locator(".action-favourite .count").innerText(),
        "0",
      );

      // Bots are marked, on their posts and their profile.
      const botPost = page.locator("article", { hasText: "pour-over" });
      await botPost.getByText("Bot", { exact: true }).waitFor();
      await page.goto("/@carol");
      await page.locator(".profile-name").getByText("Bot", { exact: true })
        .waitFor();

      // Filtered notifications: a link to review them, then accept one sender, dismiss another.
      await page.goto("/notifications");
      assert.equal(await page.getByText("beep boop").count(), 0);
      await page.getByRole("link", {
        name: /2 filtered notifications from 2 people/,
      }).click();
      await page.waitForURL("**/notifications/requests");
      await page.getByText("beep boop").waitFor();
      await page.getByRole("button", { name: "Accept @carol" }).click();
      await page.getByRole("status").getByText(/Accepted/).waitFor();
      await page.getByRole("button", { name: "Dismiss @bob" }).click();
      await page.getByText("No filtered notifications.").waitFor();
      // The policy itself is set on the same page.
      const notFollowing = page.getByLabel("People you don't follow");
      assert.equal(await notFollowing.inputValue(), "filter");
      await notFollowing.selectOption("accept");
      await page.getByRole("button", { name: "Save notification settings" })
        .click();
      await page.getByText("Notification settings saved.").waitFor();
      assert.equal(await notFollowing.inputValue(), "accept");
      await page.goto("/notifications");
      await page.getByText("beep boop").waitFor();
      assert.equal(await page.getByText("are you there?").count(), 0);
      assert.equal(await page.getByText(/filtered notification/).count(), 0);

      // The OAuth consent page names where access is revoked.
      const app = await (await fetch(`${instance.origin}/api/v1/apps`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          client_name: "Test App",
          redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
          scopes: "read",
        }),
      })).json();
      await page.goto(`/oauth/authorize?${new URLSearchParams({
        client_id: app.client_id,
        redirect_uri: "urn:ietf:wg:oauth:2.0:oob",
        response_type: "code",
        scope: "read",
      })}`);
      const revoke = page.getByRole("link", { name: "Settings › Apps" });
      assert.equal(
        await revoke.getAttribute("href"),
        "/settings/authorized_applications",
      );
      assert.deepEqual(problems, []);
    });
  },
);
