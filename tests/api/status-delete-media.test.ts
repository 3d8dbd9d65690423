/**
 * `DELETE /api/v1/statuses/:id`: the uploads stay for delete-and-redraft (attachable to the new
 * post), or go with `delete_media=true` (Mastodon 4.4), files and all.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { smallPng, storedFiles, upload } from "../media/helpers.ts";
import { eventually } from "../federation/helpers.ts";

Deno.test("deleting a status keeps its media for a redraft, or removes them with delete_media", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const postWithImage = async (status: string) => {
      const media = await (await upload(instance, alice.token, {
        bytes: await smallPng(),
        type: "image/png",
      })).json();
      const posted = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/statuses",
        {
          status,
          media_ids: [media.id],
        },
      );
      return {
        statusId: posted.body.id as string,
        mediaId: media.id as string,
      };
    };

    const draft = await postWithImage("first try");
    const deleted = await api(
      instance,
      alice.token,
      "DELETE",
      `/api/v1/statuses/${draft.statusId}`,
    );
    await assertResponseMatches(
      "DELETE",
      "/api/v1/statuses/{id}",
      200,
      deleted.body,
    );
    assert.equal(deleted.body.text, "first try");
    const redraft = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/statuses",
      {
        status: "second try",
        media_ids: [draft.mediaId],
      },
    );
    assert.equal(redraft.status, 200);
    assert.equal(
      redraft.body.media_attachments[0].id,
      draft.mediaId,
      "the upload is reused",
    );

    const filesBefore = await storedFiles(instance);
    const gone = await postWithImage("never mind");
    const withFiles = await storedFiles(instance);
    assert.ok(withFiles.length > filesBefore.length);
    const removed = await api(
      instance,
      alice.token,
      "DELETE",
      `/api/v1/statuses/${gone.statusId}?delete_media=true`,
    );
    assert.equal(removed.status, 200);
    await eventually(
      "the upload is removed",
      async () =>
        (await api(
          instance,
          alice.token,
          "GET",
          `/api/v1/media/${gone.mediaId}`,
        )).status === 404,
    );
    await eventually(
      "its files are removed",
      async () => (await storedFiles(instance)).length === filesBefore.length,
    );
    const reuse = await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "again",
      media_ids: [gone.mediaId],
    });
    assert.equal(reuse.status, 422, "a removed upload can't be attached");
  } finally {
    await instance.close();
  }
});
