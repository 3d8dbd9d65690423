/**
 * Account archives end to end: a user with a thread, a content-warned post, a photo with alt
 * text, a followers-only post, a boost, a like and a bookmark asks for their archive on
 * /settings/archive, downloads it once the job built it, and finds Mastodon's files in it;
 * then a user on a fresh instance, followed by a peer, uploads it: the dry run counts what will
 * come, the import brings every post with its date, warning, visibility, photo and alt text
 * and thread, peers can fetch them, and nothing reaches the remote follower nor a local
 * follower's home feed — while a post written afterwards does. The avatar is in the archive. A second upload of the same archive would import nothing new.
 */
import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { api, createUserWithToken, follow } from "../helpers/users.ts";
import { followFrom, startFakePeer, startInbox } from "../helpers/fake-peer.ts";
import { eventually } from "../federation/helpers.ts";
import { count, signedIn, uploadArchive } from "./helpers.ts";
import { smallPng, upload } from "../media/helpers.ts";

async function post(
  instance: TestInstance,
  token: string,
  body: Record<string, unknown>,
) {
  const res = await api(instance, token, "POST", "/api/v1/statuses", body);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { id: string; uri: string; created_at: string };
}

Deno.test({
  name:
    "archive: export to a ZIP, then import into a fresh instance with a dry run, nothing federated",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const source = await startTestInstance();
    const target = await startTestInstance({ host: "localhost" });
    const peer = startFakePeer();
    const inboxPort = 20000 + Math.floor(Math.random() * 20000);
    const inbox = startInbox(inboxPort);
    try {
      // --- the history on the source instance ---
      const alice = await createUserWithToken(source, "alice");
      const bob = await createUserWithToken(source, "bob");
      const root = await post(source, alice.token, { status: "Thread start" });
      const reply = await post(source, alice.token, {
        status: "Thread reply",
        in_reply_to_id: root.id,
      });
      const warned = await post(source, alice.token, {
        status: "Behind a warning",
        spoiler_text: "spoilers",
        sensitive: true,
      });
      const uploaded = await upload(source, alice.token, {
        bytes: await smallPng(),
        type: "image/png",
        name: "blue.png",
      }, { description: "A blue rectangle" });
      assert.equal(uploaded.status, 200);
      const media = await uploaded.json();
      const photo = await post(source, alice.token, {
        status: "A photo",
        media_ids: [media.id],
      });
      const secret = await post(source, alice.token, {
        status: "Followers only",
        visibility: "private",
      });
      const bobs = await post(source, bob.token, { status: "Bob's post" });
      for (const action of ["favourite", "bookmark"]) {
        const res = await api(
          source,
          alice.token,
          "POST",
          `/api/v1/statuses/${bobs.id}/${action}`,
        );
        assert.equal(res.status, 200);
      }
      const boost = await api(
        source,
        alice.token,
        "POST",
        `/api/v1/statuses/${bobs.id}/reblog`,
      );
      assert.equal(boost.status, 200);
      const originals = [root, reply, warned, photo, secret];
      const avatarForm = new FormData();
      avatarForm.set(
        "avatar",
        new File(
          [await smallPng(200, 200) as Uint8Array<ArrayBuffer>],
          "a.png",
          {
            type: "image/png",
          },
        ),
      );
      const profile = await source.fetch(
        "/api/v1/accounts/update_credentials",
        {
          method: "PATCH",
          headers: { authorization: `Bearer ${alice.token}` },
          body: avatarForm,
        },
      );
      assert.equal(profile.status, 200);
      await profile.body?.cancel();

      // --- export ---
      const aliceWeb = await signedIn(source, "alice");
      const { csrf } = await aliceWeb.page("/settings/archive");
      const asked = await aliceWeb.post("/settings/archive", {
        _csrf: csrf,
        intent: "export",
      });
      assert.equal(asked.status, 303);
      await asked.body?.cancel();
      const link = await eventually("the archive is ready", async () => {
        const { html } = await aliceWeb.page("/settings/archive");
        return /href="(\/settings\/archive\/download\/\d+)"/.exec(html)?.[1];
      });
      const again = await aliceWeb.post("/settings/archive", {
        _csrf: csrf,
        intent: "export",
      });
      assert.equal(again.status, 422, "one archive per 7 days");
      assert.match(await again.text(), /once every 7 days/);
      const stranger = await createUserWithToken(source, "mallory");
      void stranger;
      const strangerWeb = await signedIn(source, "mallory");
      const refused = await strangerWeb.request(link);
      assert.equal(refused.status, 404, "only its owner downloads it");
      await refused.body?.cancel();

      const download = await aliceWeb.request(link);
      assert.equal(download.status, 200);
      assert.equal(download.headers.get("content-type"), "application/zip");
      const zip = new Uint8Array(await download.arrayBuffer());
      const files = unzipSync(zip);
      const json = (name: string) =>
        JSON.parse(new TextDecoder().decode(files[name]));
      const outbox = json("outbox.json");
      assert.equal(outbox.type, "OrderedCollection");
      assert.equal(outbox.totalItems, 6);
      const creates = outbox.orderedItems.filter((i: { type: string }) =>
        i.type === "Create"
      );
      assert.deepEqual(
        creates.map((c: { object: { content: string } }) => c.object.content),
        originals.map((s) =>
          `<p>${
            {
              [root.id]: "Thread start",
              [reply.id]: "Thread reply",
              [warned.id]: "Behind a warning",
              [photo.id]: "A photo",
              [secret.id]: "Followers only",
            }[s.id]
          }</p>`
        ),
      );
      const byContent = (text: string) =>
        creates.find((c: { object: { content: string } }) =>
          c.object.content.includes(text)
        ).object;
      assert.equal(byContent("Thread reply").inReplyTo, root.uri);
      assert.equal(byContent("Behind a warning").summary, "spoilers");
      const attachment = [byContent("A photo").attachment].flat()[0];
      assert.equal(attachment.name, "A blue rectangle");
      assert.match(attachment.url, /^media_attachments\/files\//);
      assert.ok(files[attachment.url], "the photo is in the archive");
      assert.ok(
        !JSON.stringify(byContent("Followers only")).includes(
          "https://www.w3.org/ns/activitystreams#Public",
        ),
        "the private post is not addressed to the public",
      );
      assert.ok(
        outbox.orderedItems.some((i: { type: string; object: string }) =>
          i.type === "Announce" && i.object === bobs.uri
        ),
        "the boost is an Announce",
      );
      const actor = json("actor.json");
      assert.equal(actor.preferredUsername, "alice");
      assert.match(actor.publicKey.publicKeyPem, /BEGIN PUBLIC KEY/);
      assert.match(actor.icon.url, /^avatar\.\w+$/);
      assert.ok(files[actor.icon.url], "the avatar is in the archive");
      assert.deepEqual(json("likes.json").orderedItems, [bobs.uri]);
      assert.deepEqual(json("bookmarks.json").orderedItems, [bobs.uri]);

      // --- import on a fresh instance, a peer following the importer ---
      const carol = await createUserWithToken(target, "carol");
      const remote = await peer.actor("watcher", {
        inboxOrigin: `http://127.0.0.1:${inboxPort}`,
      });
      await followFrom(target.origin, peer, remote, "carol");
      await eventually("the peer follows carol", async () => {
        const res = await api(
          target,
          carol.token,
          "GET",
          `/api/v1/accounts/${carol.account.id}`,
        );
        return res.body.followers_count === 1;
      });
      const dave = await createUserWithToken(target, "dave");
      await follow(target, dave, carol);
      const carolWeb = await signedIn(target, "carol");
      const dryRun = await uploadArchive(carolWeb, zip);
      assert.equal(count(dryRun, "Posts to import"), 5);
      assert.equal(
        count(dryRun, "Replies within the archive \\(threads kept\\)"),
        1,
      );
      assert.equal(count(dryRun, "Attached files"), 1);
      assert.equal(
        count(dryRun, "Boosts of posts not known here \\(skipped\\)"),
        1,
      );
      assert.equal(count(dryRun, "Already imported \\(skipped\\)"), 0);
      const importId = /name="import_id" value="(\d+)"/.exec(dryRun)![1];
      const page = await carolWeb.page("/settings/archive");
      const confirmed = await carolWeb.post("/settings/archive", {
        _csrf: page.csrf,
        intent: "confirm",
        import_id: importId,
      });
      assert.equal(confirmed.status, 303);
      await confirmed.body?.cancel();
      await eventually("the import finished", async () => {
        const { html } = await carolWeb.page("/settings/archive");
        return html.includes("Import finished");
      }, 30_000);

      const listed = await api(
        target,
        carol.token,
        "GET",
        `/api/v1/accounts/${carol.account.id}/statuses?limit=40`,
      );
      const imported = (listed.body as {
        id: string;
        uri: string;
        content: string;
        created_at: string;
        spoiler_text: string;
        visibility: string;
        in_reply_to_id: string | null;
        media_attachments: { description: string; url: string }[];
      }[]).reverse();
      assert.deepEqual(
        imported.map((s) => [s.content, s.created_at]),
        originals.map((s, i) => [creates[i].object.content, s.created_at]),
        "every post, with its date, in date order",
      );
      const [iRoot, iReply, iWarned, iPhoto, iSecret] = imported;
      assert.equal(iReply.in_reply_to_id, iRoot.id, "the thread holds");
      assert.equal(iWarned.spoiler_text, "spoilers");
      assert.equal(iSecret.visibility, "private");
      assert.equal(iRoot.visibility, "public");
      assert.equal(iPhoto.media_attachments.length, 1);
      assert.equal(iPhoto.media_attachments[0].description, "A blue rectangle");
      const image = await fetch(iPhoto.media_attachments[0].url);
      assert.equal(image.status, 200);
      await image.body?.cancel();

      // Peers may fetch an imported post at its new address.
      const fetched = await fetch(iRoot.uri, {
        headers: { accept: "application/activity+json" },
      });
      assert.equal(fetched.status, 200);
      const note = await fetched.json();
      assert.equal(note.content, "<p>Thread start</p>");
      assert.equal(
        new Date(note.published).toISOString(),
        new Date(root.created_at).toISOString(),
      );

      const home = await api(
        target,
        dave.token,
        "GET",
        "/api/v1/timelines/home",
      );
      assert.deepEqual(home.body, [], "not in a local follower's home feed");

      // Reimporting finds everything there already.
      const second = await uploadArchive(carolWeb, zip);
      assert.equal(count(second, "Posts to import"), 0);
      assert.equal(count(second, "Already imported \\(skipped\\)"), 5);

      // A new post reaches the follower; none of the imported ones did.
      await post(target, carol.token, { status: "Written after the import" });
      await eventually(
        "the new post is delivered",
        () => Promise.resolve(inbox.creates("Written after the import") === 1),
      );
      await eventually("the new post is in the follower's home", async () => {
        const res = await api(
          target,
          dave.token,
          "GET",
          "/api/v1/timelines/home",
        );
        return res.body.length === 1;
      });
      assert.deepEqual(
        inbox.received.filter((a) => a.type === "Create").map((a) =>
          a.object?.content
        ),
        ["<p>Written after the import</p>"],
      );
    } finally {
      await inbox.close();
      await peer.close();
      await target.close();
      await source.close();
    }
  },
});
