/**
 * Export and import in Mastodon's CSV formats, through the settings pages: what one user
 * exports, another imports into the same state; overwrite removes what the file leaves out
 * (and only that); a malformed file names its line and imports nothing.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createUserWithToken, type TestUser } from "../helpers/users.ts";
import { type FormClient, signedInClient } from "../helpers/forms.ts";
import { eventually } from "../federation/helpers.ts";
import { block, follow, mute } from "../../lib/domain/relationships.ts";
import { blockDomain } from "../../lib/domain/domain-blocks.ts";
import { bookmarkStatus } from "../../lib/domain/interactions.ts";
import { addListAccounts, createList } from "../../lib/domain/lists.ts";
import { createStatus } from "../../lib/domain/statuses.ts";

const FILES = [
  ["following_accounts.csv", "following"],
  ["blocked_accounts.csv", "blocking"],
  ["muted_accounts.csv", "muting"],
  ["blocked_domains.csv", "domain_blocking"],
  ["bookmarks.csv", "bookmarks"],
  ["lists.csv", "lists"],
] as const;

async function download(client: FormClient, file: string): Promise<string> {
  const response = await client.request(`/settings/export/${file}`);
  assert.equal(response.status, 200, file);
  assert.match(response.headers.get("content-type") ?? "", /^text\/csv/);
  return await response.text();
}

async function upload(
  client: FormClient,
  type: string,
  mode: "merge" | "overwrite",
  name: string,
  text: string,
): Promise<Response> {
  const { csrf } = await client.page("/settings/import");
  return await client.postMultipart("/settings/import", {
    _csrf: csrf,
    type,
    mode,
    file: new File([text], name, { type: "text/csv" }),
  });
}

/** Waits until the import page shows no import in progress; returns the page. */
async function allFinished(client: FormClient): Promise<string> {
  return await eventually("imports finished", async () => {
    const { html } = await client.page("/settings/import");
    return !html.includes("In progress") && html;
  });
}

async function followNotifications(
  instance: TestInstance,
  recipient: TestUser,
): Promise<number> {
  const [row] = await instance.deps.sql<{ count: number }[]>`
    SELECT count(*)::int AS count FROM notifications
    WHERE account_id = ${recipient.account.id} AND type = 'follow'`;
  return row.count;
}

Deno.test({
  name:
    "import/export: a user's export imports into another user's account as the same state; overwrite and malformed files",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const host = new URL(instance.origin).host;
      const [alice, _bob, carol, dave, eve, frank] = await Promise.all(
        ["alice", "bob", "carol", "dave", "eve", "frank"].map((name) =>
          createUserWithToken(instance, name)
        ),
      );
      const deps = instance.deps;
      await follow(deps, alice.account, carol.account, {
        reblogs: false,
        notify: true,
        languages: ["en", "de"],
      });
      await follow(deps, alice.account, dave.account);
      await block(deps, alice.account, eve.account);
      await mute(deps, alice.account, frank.account, { notifications: false });
      await blockDomain(deps, alice.account, "spam.example");
      const post = await createStatus(deps, carol, {
        status: "Worth keeping",
        visibility: "public",
      });
      await bookmarkStatus(deps, alice.account.id, post.id);
      const list = await createList(deps.sql, alice.account.id, {
        title: "Close, friends",
      });
      await addListAccounts(deps.sql, alice.account.id, list.id, [
        carol.account.id,
      ]);

      const aliceWeb = await signedInClient(instance.origin, "alice");
      const exportPage = await aliceWeb.page("/settings/export");
      assert.equal(exportPage.status, 200);
      assert.match(
        exportPage.html,
        /Follows<\/th><td>2<\/td>.*You block<\/th><td>1<\/td>/s,
      );
      const exported = Object.fromEntries(
        await Promise.all(
          [...FILES.map(([f]) => f), "followers.csv"].map(async (file) =>
            [file, await download(aliceWeb, file)] as const
          ),
        ),
      );
      // Mastodon's exact formats.
      assert.equal(
        exported["following_accounts.csv"],
        "Account address,Show boosts,Notify on new posts,Languages\n" +
          `carol@${host},false,true,"en, de"\n` +
          `dave@${host},true,false,\n`,
      );
      assert.equal(
        exported["muted_accounts.csv"],
        `Account address,Hide notifications\nfrank@${host},false\n`,
      );
      assert.equal(exported["blocked_accounts.csv"], `eve@${host}\n`);
      assert.equal(exported["blocked_domains.csv"], "spam.example\n");
      assert.equal(exported["bookmarks.csv"], `${post.uri}\n`);
      assert.equal(exported["lists.csv"], `"Close, friends",carol@${host}\n`);
      assert.equal(exported["followers.csv"], "Account address\n");

      // Bob imports every file alice exported, and then has what she had.
      const bobWeb = await signedInClient(instance.origin, "bob");
      for (const [file, type] of FILES) {
        const response = await upload(
          bobWeb,
          type,
          "merge",
          file,
          exported[file],
        );
        assert.equal(response.status, 303, file);
        await allFinished(bobWeb);
      }
      const page = await allFinished(bobWeb);
      assert.doesNotMatch(page, /Rows that failed/);
      for (const [file] of FILES) {
        assert.equal(await download(bobWeb, file), exported[file], file);
      }

      // Overwrite: a follows file naming only carol unfollows dave, and leaves carol's
      // follow as it is (not unfollowed and followed again: no second notification).
      const notificationsBefore = await followNotifications(instance, carol);
      const onlyCarol = `carol@${host}\n`;
      assert.equal(
        (await upload(bobWeb, "following", "overwrite", "f.csv", onlyCarol))
          .status,
        303,
      );
      await allFinished(bobWeb);
      assert.equal(
        await download(bobWeb, "following_accounts.csv"),
        "Account address,Show boosts,Notify on new posts,Languages\n" +
          `carol@${host},true,false,\n`,
      );
      assert.equal(
        await followNotifications(instance, carol),
        notificationsBefore,
      );
      // Overwrite of domain blocks with an empty-but-for-one file replaces the set.
      await upload(
        bobWeb,
        "domain_blocking",
        "overwrite",
        "d.csv",
        "b.example",
      );
      await allFinished(bobWeb);
      assert.equal(
        await download(bobWeb, "blocked_domains.csv"),
        "b.example\n",
      );

      // A malformed file: the line and why, and nothing of it imported.
      const [{ count: importsBefore }] = await deps.sql<{ count: number }[]>`
        SELECT count(*)::int AS count FROM imports`;
      const broken = await upload(
        bobWeb,
        "following",
        "overwrite",
        "broken.csv",
        `frank@${host}\neve@${host}\nnot an address at all\n`,
      );
      assert.equal(broken.status, 422);
      const brokenHtml = await broken.text();
      assert.match(brokenHtml, /Nothing was imported\. Line 3: /);
      assert.match(brokenHtml, /is not an account address/);
      const [{ count: importsAfter }] = await deps.sql<{ count: number }[]>`
        SELECT count(*)::int AS count FROM imports`;
      assert.equal(importsAfter, importsBefore);
      assert.equal(
        await download(bobWeb, "following_accounts.csv"),
        "Account address,Show boosts,Notify on new posts,Languages\n" +
          `carol@${host},true,false,\n`,
        "the overwrite of a malformed file removed nothing",
      );
      const unclosed = await upload(
        bobWeb,
        "blocking",
        "merge",
        "quote.csv",
        `eve@${host}\n"frank@${host}\n`,
      );
      assert.equal(unclosed.status, 422);
      assert.match(await unclosed.text(), /Line \d+: .*quote/);
    } finally {
      await instance.close();
    }
  },
});
