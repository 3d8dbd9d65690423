/**
 * Importing an archive as Mastodon writes it (one `@context` at the top, items without theirs,
 * files under relative `media_attachments/files/…` paths, the followers collection in
 * `actor.json`): unlisted and direct posts keep their visibility from their addressing, the
 * language from `contentMap`, hashtags, the alt text; a boost of a post known here is a boost
 * (unlisted, dated as it was); a boost of a post nobody here knows and
 * an item of another type are skipped and counted; a reply to a post outside the archive keeps
 * its link to it; a file the archive lacks is counted as missing. Run again after a stop
 * between posts and files, an import adds the missing files and no post twice.
 */
import assert from "node:assert/strict";
import { zipSync } from "fflate";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { eventually } from "../federation/helpers.ts";
import { smallPng } from "../media/helpers.ts";
import { count, signedIn, uploadArchive } from "./helpers.ts";

const OLD = "https://old.example";
const ACTOR = `${OLD}/users/dana`;
const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
const FOLLOWERS = `${ACTOR}/followers`;

function create(
  n: number,
  published: string,
  addressing: { to: string[]; cc: string[] },
  object: Record<string, unknown>,
) {
  const id = `${ACTOR}/statuses/${n}`;
  return {
    id: `${id}/activity`,
    type: "Create",
    actor: ACTOR,
    published,
    ...addressing,
    object: {
      id,
      type: "Note",
      summary: null,
      inReplyTo: null,
      published,
      url: `${OLD}/@dana/${n}`,
      attributedTo: ACTOR,
      ...addressing,
      sensitive: false,
      content: `<p>Post ${n}</p>`,
      attachment: [],
      tag: [],
      ...object,
    },
  };
}

/** `knownUri`: a post on the importing server, which the archive boosts (unlisted). */
async function mastodonArchive(knownUri: string): Promise<Uint8Array> {
  const path =
    "media_attachments/files/110/000/000/000/000/001/original/c0ffee.png";
  const outbox = {
    "@context": [
      "https://www.w3.org/ns/activitystreams",
      {
        ostatus: "http://ostatus.org#",
        atomUri: "ostatus:atomUri",
        inReplyToAtomUri: "ostatus:inReplyToAtomUri",
        conversation: "ostatus:conversation",
        sensitive: "as:sensitive",
        toot: "http://joinmastodon.org/ns#",
        votersCount: "toot:votersCount",
        blurhash: "toot:blurhash",
        focalPoint: { "@container": "@list", "@id": "toot:focalPoint" },
        Hashtag: "as:Hashtag",
      },
    ],
    id: "outbox.json",
    type: "OrderedCollection",
    totalItems: 8,
    orderedItems: [
      create(1, "2022-03-04T05:06:07Z", { to: [PUBLIC], cc: [FOLLOWERS] }, {
        content:
          '<p>Hallo <a href="https://old.example/tags/katzen">#katzen</a></p>',
        contentMap: { de: "<p>Hallo #katzen</p>" },
        tag: [{
          type: "Hashtag",
          href: `${OLD}/tags/katzen`,
          name: "#katzen",
        }],
        attachment: [{
          type: "Document",
          mediaType: "image/png",
          url: path,
          name: "Eine blaue Fläche",
          blurhash: "U00000fQfQfQfQfQfQfQfQfQfQfQ",
          width: 64,
          height: 48,
        }],
      }),
      create(2, "2022-03-05T05:06:07Z", { to: [FOLLOWERS], cc: [PUBLIC] }, {
        inReplyTo: `${ACTOR}/statuses/1`,
        content: "<p>Unlisted reply<script>alert(1)</script></p>",
      }),
      create(3, "2022-03-06T05:06:07Z", {
        to: ["https://elsewhere.example/users/erin"],
        cc: [],
      }, {
        content: "<p>A direct message</p>",
        tag: [{
          type: "Mention",
          href: "https://elsewhere.example/users/erin",
          name: "@erin@elsewhere.example",
        }],
      }),
      create(4, "2022-03-07T05:06:07Z", { to: [PUBLIC], cc: [FOLLOWERS] }, {
        inReplyTo: "https://elsewhere.example/users/erin/statuses/9",
        content: "<p>A reply to someone else</p>",
        attachment: [{
          type: "Document",
          mediaType: "image/png",
          url: "media_attachments/files/missing/original/gone.png",
          name: "Not in the archive",
        }],
      }),
      {
        id: `${ACTOR}/statuses/5/activity`,
        type: "Announce",
        actor: ACTOR,
        published: "2022-03-08T05:06:07Z",
        to: [PUBLIC],
        cc: [FOLLOWERS],
        object: "https://elsewhere.example/users/erin/statuses/10",
      },
      {
        id: `${ACTOR}/statuses/6/activity`,
        type: "Announce",
        actor: ACTOR,
        published: "2022-03-09T05:06:07Z",
        to: [FOLLOWERS],
        cc: [PUBLIC],
        object: knownUri,
      },
      { id: `${ACTOR}#likes/1`, type: "Like", actor: ACTOR, object: "x" },
    ],
  };
  const actor = {
    "@context": "https://www.w3.org/ns/activitystreams",
    id: ACTOR,
    type: "Person",
    preferredUsername: "dana",
    followers: FOLLOWERS,
  };
  const encode = (value: unknown) =>
    new TextEncoder().encode(JSON.stringify(value));
  return zipSync({
    "outbox.json": encode(outbox),
    "actor.json": encode(actor),
    "likes.json": encode({ type: "OrderedCollection", orderedItems: [] }),
    [path]: await smallPng(),
  });
}

Deno.test({
  name:
    "archive: a Mastodon archive imports with its visibility, language, tags and files",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const instance = await startTestInstance();
    try {
      const dana = await createUserWithToken(instance, "dana");
      const frank = await createUserWithToken(instance, "frank");
      const known = await api(
        instance,
        frank.token,
        "POST",
        "/api/v1/statuses",
        {
          status: "A post known here",
        },
      );
      const web = await signedIn(instance, "dana");
      const archive = await mastodonArchive(known.body.uri);
      const dryRun = await uploadArchive(web, archive);
      assert.equal(count(dryRun, "Posts to import"), 4);
      assert.equal(
        count(dryRun, "Replies within the archive \\(threads kept\\)"),
        1,
      );
      assert.equal(count(dryRun, "Attached files"), 1);
      assert.equal(
        count(dryRun, "Files missing from the archive \\(skipped\\)"),
        1,
      );
      assert.equal(
        count(dryRun, "Boosts of posts not known here \\(skipped\\)"),
        1,
      );
      assert.equal(count(dryRun, "Other items \\(skipped\\)"), 1);
      assert.equal(count(dryRun, "Boosts of posts known here"), 1);

      // Nothing is imported before the user confirms.
      const none = await api(
        instance,
        dana.token,
        "GET",
        `/api/v1/accounts/${dana.account.id}/statuses`,
      );
      assert.deepEqual(none.body, []);

      const page = await web.page("/settings/archive");
      const importId = /name="import_id" value="(\d+)"/.exec(page.html)![1];
      const confirmed = await web.post("/settings/archive", {
        _csrf: page.csrf,
        intent: "confirm",
        import_id: importId,
      });
      assert.equal(confirmed.status, 303);
      await confirmed.body?.cancel();
      await eventually("the import finished", async () => {
        const { html } = await web.page("/settings/archive");
        return html.includes("Import finished") ? html : null;
      }, 30_000);

      const listed = await api(
        instance,
        dana.token,
        "GET",
        `/api/v1/accounts/${dana.account.id}/statuses`,
      );
      const [boost, reply4, direct, unlisted, first] = listed.body as {
        id: string;
        content: string;
        created_at: string;
        visibility: string;
        language: string | null;
        in_reply_to_id: string | null;
        tags: { name: string }[];
        media_attachments: { description: string }[];
        reblog: { id: string } | null;
      }[];
      assert.equal(listed.body.length, 5);
      assert.equal(
        boost.reblog?.id,
        known.body.id,
        "the boost of a known post",
      );
      assert.equal(boost.visibility, "unlisted");
      assert.equal(boost.created_at, "2022-03-09T05:06:07.000Z");
      assert.equal(first.created_at, "2022-03-04T05:06:07.000Z");
      assert.equal(first.visibility, "public");
      assert.equal(first.language, "de");
      assert.deepEqual(first.tags.map((t) => t.name), ["katzen"]);
      assert.equal(first.media_attachments[0].description, "Eine blaue Fläche");
      assert.equal(unlisted.visibility, "unlisted");
      assert.equal(unlisted.in_reply_to_id, first.id);
      assert.equal(unlisted.content, "<p>Unlisted reply</p>", "sanitised");
      assert.equal(direct.visibility, "direct");
      assert.equal(reply4.in_reply_to_id, null);
      assert.equal(reply4.media_attachments.length, 0);
      const stored = await instance.deps.sql<{ in_reply_to_uri: string }[]>`
        SELECT in_reply_to_uri FROM statuses WHERE id = ${reply4.id}`;
      assert.equal(
        stored[0].in_reply_to_uri,
        "https://elsewhere.example/users/erin/statuses/9",
      );

      // An import stopped between its posts and their files (files come last): running the
      // same archive again adds the missing file and nothing else.
      await instance.deps.sql`
        DELETE FROM media_attachments WHERE status_id = ${first.id}`;
      const again = await uploadArchive(web, archive);
      assert.equal(count(again, "Posts to import"), 0);
      const second = await web.page("/settings/archive");
      const confirmedAgain = await web.post("/settings/archive", {
        _csrf: second.csrf,
        intent: "confirm",
        import_id: /name="import_id" value="(\d+)"/.exec(second.html)![1],
      });
      assert.equal(confirmedAgain.status, 303);
      await confirmedAgain.body?.cancel();
      const restored = await eventually("the file is back", async () => {
        const res = await api(
          instance,
          dana.token,
          "GET",
          `/api/v1/statuses/${first.id}`,
        );
        return res.body.media_attachments.length === 1 ? res.body : null;
      }, 30_000);
      assert.equal(
        restored.media_attachments[0].description,
        "Eine blaue Fläche",
      );
      const after = await api(
        instance,
        dana.token,
        "GET",
        `/api/v1/accounts/${dana.account.id}/statuses`,
      );
      assert.equal(after.body.length, 5, "no post twice");
    } finally {
      await instance.close();
    }
  },
});
