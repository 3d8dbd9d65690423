/**
 * A user's collections as a peer reads them, empty and not: a collection served whole (featured)
 * says how many items it has and lists them, `[]` when there are none, as Mastodon does —
 * GoToSocial, finding neither, goes looking for a `first` page that isn't there; paged ones
 * (followers, following, outbox) give `totalItems` and a first page that lists `[]` when empty.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { pinStatus } from "../../lib/domain/interactions.ts";

const AS = { accept: "application/activity+json" };

Deno.test({
  name:
    "collections: empty featured has totalItems 0 and orderedItems []; empty pages list []",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const get = async (path: string) => {
        const res = await instance.fetch(path, { headers: AS });
        assert.equal(res.status, 200, path);
        return await res.json();
      };

      const featured = await get("/users/alice/collections/featured");
      assert.equal(featured.type, "OrderedCollection");
      assert.equal(featured.totalItems, 0);
      assert.deepEqual(featured.orderedItems, []);

      for (const name of ["followers", "following", "outbox"]) {
        const collection = await get(`/users/alice/${name}`);
        assert.equal(collection.totalItems, 0, name);
        const first = await get(
          new URL(collection.first).pathname +
            new URL(collection.first).search,
        );
        assert.equal(first.type, "OrderedCollectionPage", name);
        assert.deepEqual(first.orderedItems, [], `${name}'s first page`);
      }

      const post = await createStatus(instance.deps, alice, {
        status: "pinned",
        visibility: "public",
      });
      await pinStatus(instance.deps, alice.account.id, post.id);
      const pinned = await get("/users/alice/collections/featured");
      assert.equal(pinned.totalItems, 1);
      assert.deepEqual(
        pinned.orderedItems.map((note: { id: string }) => note.id),
        [post.uri],
      );
    } finally {
      await instance.close();
    }
  },
});
