/**
 * A picture posted on A reaches B with its alt text, blurhash and size (pushed to a follower),
 * and A serves the Note with the attachment as a Document that points at A's media URL.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { assertMatchesSchema } from "../helpers/openapi.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import * as relationships from "../../lib/domain/relationships.ts";
import { findAccountByUri } from "../../lib/db/federation.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import { eventually } from "../federation/helpers.ts";
import { photoJpeg, upload } from "./helpers.ts";

Deno.test({
  name:
    "media federation: an attachment posted on A appears on B with alt text and blurhash",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const alice = await createUserWithToken(a, "alice");
      const bob = await createUserWithToken(b, "bob");
      const aHost = new URL(a.origin).host;
      const aliceOnB = (await resolveRemote(b.deps, `@alice@${aHost}`))
        .account as AccountRow;
      assert.ok(aliceOnB);
      await relationships.follow(b.deps, bob.account, aliceOnB);
      await eventually(
        "bob follows alice",
        () => findAccountByUri(a.deps.sql, `${b.origin}/users/bob`),
      );
      await eventually("follow accepted", async () => {
        const [row] = await b.deps.sql`
          SELECT 1 FROM follows WHERE account_id = ${bob.account.id}
            AND target_account_id = ${aliceOnB.id}`;
        return Boolean(row);
      });

      const uploaded = await upload(a, alice.token, {
        bytes: await photoJpeg(1600, 1200, 6),
        type: "image/jpeg",
      }, { description: "Red and blue halves", focus: "0.5,-0.25" });
      assert.equal(uploaded.status, 200);
      const media = await uploaded.json();
      await assertMatchesSchema(media, "MediaAttachment");
      const posted = await a.fetch("/api/v1/statuses", {
        method: "POST",
        headers: {
          authorization: `Bearer ${alice.token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          status: "A picture from A",
          media_ids: [media.id],
        }),
      });
      assert.equal(posted.status, 200);
      const status = await posted.json();
      await assertMatchesSchema(status, "Status");

      // A serves the Note with a Document attachment.
      const note = await (await a.fetch(new URL(status.uri).pathname, {
        headers: { accept: "application/activity+json" },
      })).json();
      const attachment = [note.attachment].flat()[0];
      assert.equal(attachment.type, "Document");
      assert.equal(attachment.mediaType, "image/jpeg");
      assert.equal(attachment.url, media.url);
      assert.equal(attachment.name, "Red and blue halves");
      assert.equal(attachment.width, media.meta.original.width);
      assert.equal(attachment.height, media.meta.original.height);
      // Mastodon reads the plain keys, defined in the context as its own are.
      assert.equal(attachment.blurhash, media.blurhash);
      assert.deepEqual(attachment.focalPoint, [0.5, -0.25]);
      assert.deepEqual(
        [note["@context"]].flat().find((c: Record<string, unknown>) =>
          typeof c === "object" && "blurhash" in c
        ),
        {
          toot: "http://joinmastodon.org/ns#",
          blurhash: "toot:blurhash",
          focalPoint: { "@container": "@list", "@id": "toot:focalPoint" },
        },
      );

      // B received it (pushed to bob, a follower) and shows it through its API.
      const onB = await eventually("the post on B", async () => {
        const [row] = await b.deps.sql<{ id: string }[]>`
          SELECT id FROM statuses WHERE uri = ${status.uri}`;
        return row;
      });
      const seen = await b.fetch(`/api/v1/statuses/${onB.id}`, {
        headers: { authorization: `Bearer ${bob.token}` },
      });
      assert.equal(seen.status, 200);
      const remote = await seen.json();
      await assertMatchesSchema(remote, "Status");
      assert.equal(remote.media_attachments.length, 1);
      const remoteMedia = remote.media_attachments[0];
      await assertMatchesSchema(remoteMedia, "MediaAttachment");
      assert.equal(remoteMedia.type, "image");
      assert.equal(remoteMedia.description, "Red and blue halves");
      assert.equal(remoteMedia.blurhash, media.blurhash);
      assert.deepEqual(remoteMedia.meta.focus, { x: 0.5, y: -0.25 });
      assert.equal(remoteMedia.remote_url, media.url);
      assert.equal(remoteMedia.url, media.url, "linked, not copied");
      assert.equal(
        remoteMedia.meta.original.width,
        media.meta.original.width,
      );
      // The linked file is really there on A.
      const file = await fetch(remoteMedia.url);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get("content-type"), "image/jpeg");
      await file.body?.cancel();
    } finally {
      await b.close();
      await a.close();
    }
  },
});
