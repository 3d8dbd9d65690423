/**
 * Custom emoji between two real instances: alice's post and display name on A name A's
 * `:blobcat:`; B stores it as a remote emoji of A's domain (image at A's URL) and shows it in
 * the post's and the account's `emojis`; B's admin copies it to a local emoji of B (image
 * stored on B). After B blocks A's media (`reject_media`), a post naming a new emoji of A
 * arrives without it (nothing is stored, `emojis` stays empty), and the emoji B knew of A are
 * forgotten.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { createStaff } from "../moderation/helpers.ts";
import { smallPng } from "../media/helpers.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import * as relationships from "../../lib/domain/relationships.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { updateProfile } from "../../lib/domain/profiles.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import { createDomainBlock, loadActor } from "../../lib/moderation/mod.ts";
import { copyEmoji, createEmoji } from "../../lib/emoji/mod.ts";
import { eventually } from "./helpers.ts";

Deno.test({
  name:
    "two instances: a post's custom emoji reaches B with A's image; copy to local; reject_media keeps new ones out",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const aHost = new URL(a.origin).host;
      const alice = await createUserWithToken(a, "alice");
      const bob = await createUserWithToken(b, "bob");
      const aAdmin = await loadActor(
        a.deps.sql,
        (await createStaff(a, "ann", "admin")).user,
      );
      const bAdmin = await loadActor(
        b.deps.sql,
        (await createStaff(b, "bea", "admin")).user,
      );
      const png = await smallPng(32, 32);
      const blobcat = await createEmoji(a.deps, aAdmin, {
        shortcode: "blobcat",
        bytes: png,
        category: "",
      });
      const [onA] = (await api(a, null, "GET", "/api/v1/custom_emojis")).body;
      await updateProfile(a.deps, alice, { displayName: "Alice :blobcat:" });

      const aliceOnB = (await resolveRemote(b.deps, `@alice@${aHost}`))
        .account as AccountRow;
      await relationships.follow(b.deps, bob.account, aliceOnB);
      await eventually(
        "bob follows alice",
        async () =>
          (await b.deps.sql`
            SELECT 1 FROM follows WHERE account_id = ${bob.account.id}
              AND target_account_id = ${aliceOnB.id}`).length > 0,
      );

      const post = await createStatus(a.deps, alice, {
        status: "Meet :blobcat:",
      });
      const onB = await eventually("the post on B", async () => {
        const [row] = await b.deps.sql<{ id: string }[]>`
          SELECT id FROM statuses WHERE uri = ${post.uri}`;
        return row;
      });
      const shown = await api(
        b,
        bob.token,
        "GET",
        `/api/v1/statuses/${onB.id}`,
      );
      assert.deepEqual(shown.body.emojis, [{
        shortcode: "blobcat",
        url: onA.url,
        static_url: onA.url,
        visible_in_picker: true,
        category: null,
      }]);
      assert.equal(shown.body.account.emojis[0]?.shortcode, "blobcat");
      const [stored] = await b.deps.sql<
        { id: string; domain: string; image_remote_url: string; uri: string }[]
      >`SELECT id, domain, image_remote_url, uri FROM custom_emojis
        WHERE shortcode = 'blobcat'`;
      assert.equal(stored.domain, aHost);
      assert.equal(stored.image_remote_url, onA.url);
      assert.equal(stored.uri, `${a.origin}/emojis/${blobcat.id}`);
      // B's own list is of local emoji only.
      assert.deepEqual(
        (await api(b, null, "GET", "/api/v1/custom_emojis")).body,
        [],
      );

      // B's admin copies it: a local emoji of B, its image stored on B.
      await copyEmoji(b.deps, bAdmin, stored.id);
      const [copy] = (await api(b, null, "GET", "/api/v1/custom_emojis")).body;
      assert.equal(copy.shortcode, "blobcat");
      assert.ok(copy.url.startsWith(`${b.origin}/media/`), copy.url);
      const image = await fetch(copy.url);
      assert.equal(image.status, 200);
      await image.body?.cancel();

      // B rejects A's media: a new emoji of A is not stored, not shown.
      await createDomainBlock(b.deps, bAdmin, aHost, {
        severity: "noop",
        reject_media: true,
      });
      await createEmoji(a.deps, aAdmin, {
        shortcode: "party",
        bytes: png,
        category: "",
      });
      const later = await createStatus(a.deps, alice, {
        status: "Now :party:",
      });
      const laterOnB = await eventually("the later post on B", async () => {
        const [row] = await b.deps.sql<{ id: string }[]>`
          SELECT id FROM statuses WHERE uri = ${later.uri}`;
        return row;
      });
      const laterShown = await api(
        b,
        bob.token,
        "GET",
        `/api/v1/statuses/${laterOnB.id}`,
      );
      assert.deepEqual(laterShown.body.emojis, []);
      // What B knew of A's emoji is forgotten with the block (its copy on B stays).
      assert.deepEqual(
        (await api(b, bob.token, "GET", `/api/v1/statuses/${onB.id}`)).body
          .emojis,
        [],
      );
      assert.equal(
        (await b.deps.sql`
          SELECT 1 FROM custom_emojis WHERE shortcode = 'party'`).length,
        0,
      );
    } finally {
      await a.close();
      await b.close();
    }
  },
});
