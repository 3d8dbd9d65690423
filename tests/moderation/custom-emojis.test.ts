/**
 * Custom emoji through the domain and the API (issue 16): an Admin uploads one (PNG/GIF/WebP,
 * 256 KB, a unique `[a-zA-Z0-9_]{2,}` shortcode; a Moderator may not), `GET
 * /api/v1/custom_emojis` lists the enabled local ones with images that load (an animated GIF
 * stays animated, with a still `static_url`); a post, a display name and a bio naming `:code:`
 * carry it in `emojis` (account lookup, credentials, search, each version in the edit history;
 * the post's Note an `Emoji` tag whose id resolves), until it is disabled; an announcement
 * takes it as a reaction, with its URLs; a deleted one's files go; each change is in the
 * audit log.
 */
import assert from "node:assert/strict";
import sharp from "sharp";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { createStaff } from "./helpers.ts";
import { smallPng } from "../media/helpers.ts";
import { loadActor } from "../../lib/moderation/mod.ts";
import {
  changeEmoji,
  createEmoji,
  deleteEmoji,
  EMOJI_SIZE_LIMIT,
} from "../../lib/emoji/mod.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { editStatus } from "../../lib/domain/status-changes.ts";
import { updateProfile } from "../../lib/domain/profiles.ts";
import { createAnnouncement } from "../../lib/instance/mod.ts";
import { DomainError } from "../../lib/domain/errors.ts";
import { eventually } from "../federation/helpers.ts";

async function animatedGif(): Promise<Uint8Array> {
  const frame = (colour: string) =>
    sharp({
      create: { width: 16, height: 16, channels: 4, background: colour },
    }).png().toBuffer();
  const frames = await Promise.all([frame("#ff0000ff"), frame("#00ff00ff")]);
  return new Uint8Array(
    await sharp(frames, { join: { animated: true } }).gif().toBuffer(),
  );
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    return `${error.kind}: ${error.message}`;
  }
  throw new Error("expected a refusal");
}

Deno.test({
  name:
    "custom emoji: upload rules, the API list, emojis on statuses and accounts, reactions, audit log",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const { deps } = instance;
      const admin = await createStaff(instance, "carla", "admin");
      const moderator = await createStaff(instance, "mona", "moderator");
      const alice = await createUserWithToken(instance, "alice");
      const adminActor = await loadActor(deps.sql, admin.user);
      const png = await smallPng(32, 32);

      // Who may, and what is refused.
      assert.match(
        await refusal(
          createEmoji(deps, await loadActor(deps.sql, moderator.user), {
            shortcode: "nope",
            bytes: png,
            category: "",
          }),
        ),
        /^forbidden/,
      );
      assert.match(
        await refusal(
          createEmoji(deps, adminActor, {
            shortcode: "a",
            bytes: png,
            category: "",
          }),
        ),
        /Shortcode must be/,
      );
      assert.match(
        await refusal(
          createEmoji(deps, adminActor, {
            shortcode: "big",
            bytes: new Uint8Array(EMOJI_SIZE_LIMIT + 1),
            category: "",
          }),
        ),
        /less than 256 KB/,
      );
      assert.match(
        await refusal(
          createEmoji(deps, adminActor, {
            shortcode: "text",
            bytes: new TextEncoder().encode("GIF89a, but not really an image"),
            category: "",
          }),
        ),
        /^validation/,
      );

      await createEmoji(deps, adminActor, {
        shortcode: "blobcat",
        bytes: png,
        category: "Cats",
      });
      const party = await createEmoji(deps, adminActor, {
        shortcode: "party_parrot",
        bytes: await animatedGif(),
        category: "",
      });
      assert.match(
        await refusal(
          createEmoji(deps, adminActor, {
            shortcode: "blobcat",
            bytes: png,
            category: "",
          }),
        ),
        /already been taken/,
      );
      const hidden = await createEmoji(deps, adminActor, {
        shortcode: "secret",
        bytes: png,
        category: "",
      });
      await changeEmoji(deps.sql, adminActor, hidden.id, {
        kind: "enabled",
        enabled: false,
      });

      // The public list: enabled local emoji, Mastodon's entity, images that load.
      const listed = await api(instance, null, "GET", "/api/v1/custom_emojis");
      assert.equal(listed.status, 200);
      const byCode = new Map(
        (listed.body as { shortcode: string }[]).map((e) => [e.shortcode, e]),
      );
      assert.deepEqual([...byCode.keys()].sort(), ["blobcat", "party_parrot"]);
      const cat = byCode.get("blobcat") as Record<string, unknown>;
      assert.deepEqual(Object.keys(cat).sort(), [
        "category",
        "shortcode",
        "static_url",
        "url",
        "visible_in_picker",
      ]);
      assert.equal(cat.category, "Cats");
      assert.equal(cat.visible_in_picker, true);
      const image = await fetch(cat.url as string);
      assert.equal(image.status, 200);
      assert.equal(image.headers.get("content-type"), "image/png");
      await image.body?.cancel();
      const parrot = byCode.get("party_parrot") as Record<string, string>;
      const animated = await fetch(parrot.url);
      assert.equal(animated.headers.get("content-type"), "image/gif");
      const frames = (await sharp(new Uint8Array(await animated.arrayBuffer()))
        .metadata()).pages;
      assert.equal(frames, 2, "the animation is kept");
      const still = await fetch(parrot.static_url);
      assert.equal(still.headers.get("content-type"), "image/webp");
      await still.body?.cancel();

      // A post, a name and a bio that name emoji carry them; unknown and disabled ones don't.
      const post = await createStatus(deps, alice, {
        status:
          "Hello :blobcat: and :party_parrot: but not :secret: or :unknown:",
      });
      const shown = await api(
        instance,
        alice.token,
        "GET",
        `/api/v1/statuses/${post.id}`,
      );
      assert.deepEqual(
        shown.body.emojis.map((e: { shortcode: string }) => e.shortcode),
        ["blobcat", "party_parrot"],
      );
      assert.equal(shown.body.emojis[0].url, cat.url);
      await updateProfile(deps, alice, {
        displayName: "Alice :blobcat:",
        note: "Parrots :party_parrot:",
      });
      const profile = await api(
        instance,
        null,
        "GET",
        `/api/v1/accounts/${alice.account.id}`,
      );
      assert.deepEqual(
        profile.body.emojis.map((e: { shortcode: string }) => e.shortcode),
        ["blobcat", "party_parrot"],
      );
      const me = await api(
        instance,
        alice.token,
        "GET",
        "/api/v1/accounts/verify_credentials",
      );
      assert.equal(me.body.emojis.length, 2);
      const found = await api(
        instance,
        alice.token,
        "GET",
        "/api/v1/accounts/search?q=alice",
      );
      assert.deepEqual(
        found.body[0].emojis.map((e: { shortcode: string }) => e.shortcode),
        ["blobcat", "party_parrot"],
      );

      // Peers read the post's emoji as Emoji tags.
      const note = await (await instance.fetch(
        new URL(post.uri!).pathname,
        { headers: { accept: "application/activity+json" } },
      )).json();
      const tag = note.tag.find((t: { type: string }) => t.type === "Emoji");
      assert.equal(tag.name, ":blobcat:");
      assert.equal(tag.icon.url, cat.url);
      assert.equal(tag.icon.mediaType, "image/png");
      // The actor names its name's and bio's emoji too.
      const person = await (await instance.fetch("/users/alice", {
        headers: { accept: "application/activity+json" },
      })).json();
      assert.deepEqual(
        [person.tag].flat().map((t: { name: string }) => t.name),
        [":blobcat:", ":party_parrot:"],
      );
      // Its id resolves to the same Emoji.
      const object = await (await instance.fetch(new URL(tag.id).pathname, {
        headers: { accept: "application/activity+json" },
      })).json();
      assert.equal(object.type, "Emoji");
      assert.equal(object.name, ":blobcat:");
      assert.equal(object.icon.url, cat.url);

      // An edit: each version lists the emoji of its own text.
      await editStatus(deps, alice.account.id, post.id, {
        status: "Only :party_parrot: now",
      });
      const history = await api(
        instance,
        alice.token,
        "GET",
        `/api/v1/statuses/${post.id}/history`,
      );
      assert.deepEqual(
        history.body.map((v: { emojis: { shortcode: string }[] }) =>
          v.emojis.map((e) => e.shortcode).join(" ")
        ),
        ["blobcat party_parrot", "party_parrot"],
      );

      // Disabled: no longer rendered anywhere.
      await changeEmoji(deps.sql, adminActor, party.id, {
        kind: "enabled",
        enabled: false,
      });
      const after = await api(
        instance,
        alice.token,
        "GET",
        `/api/v1/statuses/${post.id}`,
      );
      assert.deepEqual(after.body.emojis, []);

      // Announcement reactions: a custom emoji with its URLs; a disabled one is refused.
      const announcement = await createAnnouncement(deps, adminActor, {
        text: "Welcome :blobcat:",
        publish: true,
      });
      const reacted = await api(
        instance,
        alice.token,
        "PUT",
        `/api/v1/announcements/${announcement.id}/reactions/blobcat`,
      );
      assert.equal(reacted.status, 200);
      const refused = await api(
        instance,
        alice.token,
        "PUT",
        `/api/v1/announcements/${announcement.id}/reactions/party_parrot`,
      );
      assert.equal(refused.status, 422);
      const [listedAnnouncement] = (await api(
        instance,
        alice.token,
        "GET",
        "/api/v1/announcements",
      )).body;
      assert.deepEqual(listedAnnouncement.reactions, [{
        name: "blobcat",
        count: 1,
        me: true,
        url: cat.url,
        static_url: cat.static_url,
      }]);
      assert.equal(listedAnnouncement.emojis[0].shortcode, "blobcat");

      // Deleted: gone from the list, and its files go by a job.
      await deleteEmoji(deps, adminActor, hidden.id);
      await eventually(
        "the deleted emoji's files removed",
        async () =>
          !(await deps.media.get(hidden.image_key!)) &&
          !(await deps.media.get(hidden.image_static_key!)),
      );
      const log = await deps.sql<
        { action: string; human_identifier: string }[]
      >`
        SELECT action, human_identifier FROM admin_action_logs
        WHERE target_type = 'CustomEmoji' ORDER BY id`;
      assert.deepEqual(log.map((l) => `${l.action} ${l.human_identifier}`), [
        "create :blobcat:",
        "create :party_parrot:",
        "create :secret:",
        "disable :secret:",
        "disable :party_parrot:",
        "destroy :secret:",
      ]);
    } finally {
      await instance.close();
    }
  },
});
