/**
 * Editing a published post's images (Mastodon's `media_attributes` on `PUT
 * /api/v1/statuses/:id`): alt text and focal point change through masto.js (JSON) and the
 * unindexed form encoding (`media_attributes[][id]`), a bad focal point changes nothing, a file
 * not attached to the post is left alone; and the web edit page does the same without
 * JavaScript.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, client, createUserWithToken } from "../helpers/users.ts";
import { signedInClient } from "../helpers/forms.ts";
import { smallPng, upload } from "../media/helpers.ts";

Deno.test({
  name:
    "a published post's images get new alt text and focal points by edit (API and web page)",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const uploadPng = async (description: string) =>
        await (await upload(instance, alice.token, {
          bytes: await smallPng(),
          type: "image/png",
        }, { description })).json();
      const image = await uploadPng("a cat");
      const other = await uploadPng("not in the post");
      const masto = client(instance, alice.token);
      const post = await masto.v1.statuses.create({
        status: "my cat",
        mediaIds: [image.id],
      });

      const edited = await masto.v1.statuses.$select(post.id).update({
        status: "my cat",
        mediaIds: [image.id],
        mediaAttributes: [
          {
            id: image.id,
            description: "a ginger cat asleep",
            focus: "0.5,-0.25",
          },
          { id: other.id, description: "changed?" },
        ],
      });
      assert.equal(
        edited.mediaAttachments[0].description,
        "a ginger cat asleep",
      );
      assert.deepEqual(
        (edited.mediaAttachments[0].meta as { focus?: unknown }).focus,
        { x: 0.5, y: -0.25 },
      );
      const untouched = await api(
        instance,
        alice.token,
        "GET",
        `/api/v1/media/${other.id}`,
      );
      assert.equal(untouched.body.description, "not in the post");

      // The unindexed form encoding some clients send.
      const form = new URLSearchParams();
      form.append("status", "my cat");
      form.append("media_ids[]", image.id);
      form.append("media_attributes[][id]", image.id);
      form.append("media_attributes[][description]", "a cat, in form encoding");
      const put = await instance.fetch(`/api/v1/statuses/${post.id}`, {
        method: "PUT",
        headers: {
          authorization: `Bearer ${alice.token}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: form,
      });
      assert.equal(put.status, 200);
      assert.equal(
        (await put.json()).media_attachments[0].description,
        "a cat, in form encoding",
      );

      const bad = await api(
        instance,
        alice.token,
        "PUT",
        `/api/v1/statuses/${post.id}`,
        {
          status: "my cat, edited again",
          media_ids: [image.id],
          media_attributes: [{ id: image.id, description: "x", focus: "3,0" }],
        },
      );
      assert.equal(bad.status, 422);
      assert.match(bad.body.error, /Focus/);
      const after = await masto.v1.statuses.$select(post.id).fetch();
      assert.equal(
        after.content,
        "<p>my cat</p>",
        "nothing of that edit was kept",
      );
      assert.equal(
        after.mediaAttachments[0].description,
        "a cat, in form encoding",
      );

      // The web edit page shows the image's alt text and focal point, and changes them.
      const web = await signedInClient(instance.origin, "alice");
      const page = await web.page(`/@alice/${post.id}/edit`);
      assert.match(page.html, /Description \(alt text\)/);
      assert.match(page.html, /a cat, in form encoding<\/textarea>/);
      const saved = await web.post(`/@alice/${post.id}/edit`, {
        _csrf: page.csrf,
        status: "my cat",
        spoiler_text: "",
        media_id: image.id,
        media_description: "a cat on a windowsill",
        media_focus_x: "-0.5",
        media_focus_y: "0.5",
      });
      await saved.body?.cancel();
      assert.equal(saved.status, 303);
      const final = await masto.v1.statuses.$select(post.id).fetch();
      assert.equal(
        final.mediaAttachments[0].description,
        "a cat on a windowsill",
      );
      assert.deepEqual(
        (final.mediaAttachments[0].meta as { focus?: unknown }).focus,
        { x: -0.5, y: 0.5 },
      );
    } finally {
      await instance.close();
    }
  },
});
