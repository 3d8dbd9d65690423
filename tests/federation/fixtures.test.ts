/**
 * Real actor and note documents from Mastodon, GoToSocial, Misskey and Pleroma (written after
 * their documentation and published examples) parse into our account and status input:
 * sanitised HTML, structured mentions, hashtags, attachments, visibility and polls.
 */
import assert from "node:assert/strict";
import { isActor, lookupObject } from "@fedify/vocab";
import { fixtureLoader } from "../helpers/fixture-loader.ts";
import {
  isPostObject,
  statusInputFromObject,
} from "../../lib/federation/from-ap.ts";
import { accountInputFromActor } from "../../lib/federation/from-ap-actors.ts";

const options = { documentLoader: fixtureLoader, contextLoader: fixtureLoader };

async function actor(url: string) {
  const object = await lookupObject(url, options);
  assert.ok(isActor(object), `${url} is an actor`);
  const input = await accountInputFromActor(object, options);
  assert.ok(input, `${url} has what an account needs`);
  return input;
}

async function post(url: string, followersUrl: string | null) {
  const object = await lookupObject(url, options);
  assert.ok(isPostObject(object), `${url} is a post`);
  const input = await statusInputFromObject(object, {
    followers_url: followersUrl,
  }, options);
  assert.ok(input);
  return { object, input };
}

Deno.test("Mastodon actor and notes", async () => {
  const a = await actor("https://mastodon.example/users/Gargron");
  assert.equal(a.username, "Gargron");
  assert.equal(a.domain, "mastodon.example");
  assert.equal(a.inbox_url, "https://mastodon.example/users/Gargron/inbox");
  assert.equal(a.shared_inbox_url, "https://mastodon.example/inbox");
  assert.equal(
    a.featured_url,
    "https://mastodon.example/users/Gargron/collections/featured",
  );
  assert.equal(
    a.public_key_id,
    "https://mastodon.example/users/Gargron#main-key",
  );
  assert.match(a.public_key_pem ?? "", /BEGIN PUBLIC KEY/);
  assert.equal(a.url, "https://mastodon.example/@Gargron");
  assert.match(a.avatar_url ?? "", /avatars/);
  assert.match(a.header_url ?? "", /headers/);
  assert.doesNotMatch(a.note, /<script/);
  assert.equal(a.fields.length, 1);
  assert.equal(a.fields[0].name, "Patreon");
  assert.deepEqual(a.also_known_as, ["https://old.example/users/gargron"]);
  assert.equal(a.discoverable, true);
  assert.equal(a.indexable, true);

  const { input } = await post(
    "https://mastodon.example/users/Gargron/statuses/110000000000000001",
    a.followers_url,
  );
  assert.equal(input.visibility, "public");
  assert.doesNotMatch(input.content, /<script/);
  assert.match(input.content, /Hello/);
  assert.deepEqual(input.mention_uris, ["https://gts.example/users/tobi"]);
  assert.deepEqual(input.tags, ["Fediverse"]);
  assert.equal(input.media.length, 1);
  assert.equal(input.media[0].description, "A bird on a wire");
  assert.equal(input.media[0].blurhash, "UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH");
  assert.deepEqual(input.media[0].focus, { x: 0, y: 0 });
  assert.equal(input.media[0].width, 1200);
  assert.equal(input.media[0].height, 800);
  assert.equal(input.media[0].type, "image");
  assert.equal(input.language, "en");

  const poll = await post(
    "https://mastodon.example/users/Gargron/statuses/110000000000000002",
    a.followers_url,
  );
  assert.deepEqual(poll.input.poll?.options, ["Tabs", "Spaces"]);
  assert.deepEqual(poll.input.poll?.votes_counts, [3, 4]);
  assert.equal(poll.input.poll?.multiple, false);
  assert.equal(poll.input.poll?.voters_count, 7);
  assert.ok(poll.input.poll?.expires_at);
});

Deno.test("GoToSocial actor and a followers-only reply", async () => {
  const a = await actor("https://gts.example/users/tobi");
  assert.equal(a.username, "tobi");
  assert.equal(a.locked, true);
  assert.equal(a.shared_inbox_url, "https://gts.example/sharedInbox");
  assert.equal(a.public_key_id, "https://gts.example/users/tobi/main-key");
  assert.deepEqual(a.fields, [{ name: "pronouns", value: "they/them" }]);
  const { input } = await post(
    "https://gts.example/users/tobi/statuses/01F8MHAAY43ZV9D5DRAVFJ4WWZ",
    a.followers_url,
  );
  assert.equal(input.visibility, "private");
  assert.equal(
    input.in_reply_to_uri,
    "https://mastodon.example/users/Gargron/statuses/110000000000000001",
  );
  assert.equal(input.spoiler_text, "content warning: sloths");
  assert.equal(input.sensitive, true);
  assert.deepEqual(input.mention_uris, [
    "https://mastodon.example/users/Gargron",
  ]);
});

Deno.test("Misskey actor and an unlisted quote", async () => {
  const a = await actor("https://misskey.example/users/9abcdefghi");
  assert.equal(a.username, "syuilo");
  assert.equal(a.shared_inbox_url, "https://misskey.example/inbox");
  assert.equal(a.avatar_url, "https://misskey.example/files/avatar.webp");
  const { input } = await post(
    "https://misskey.example/notes/9xyzxyzxyz",
    a.followers_url,
  );
  assert.equal(input.visibility, "unlisted");
  assert.equal(
    input.quote_uri,
    "https://mastodon.example/users/Gargron/statuses/110000000000000001",
  );
  assert.deepEqual(input.tags, ["misskey"]);
  assert.equal(input.media.length, 1);
  assert.equal(input.media[0].content_type, "image/webp");
});

Deno.test("Pleroma actor (litepub context) and a direct message", async () => {
  const a = await actor("https://pleroma.example/users/lain");
  assert.equal(a.username, "lain");
  assert.equal(a.shared_inbox_url, "https://pleroma.example/inbox");
  const { input } = await post(
    "https://pleroma.example/objects/6c2e2f4a-0a38-4d6b-9d87-3d4e54f0b7a1",
    a.followers_url,
  );
  assert.equal(input.visibility, "direct");
  assert.doesNotMatch(input.content, /onerror/);
  assert.deepEqual(input.mention_uris, [
    "https://mastodon.example/users/Gargron",
  ]);
  assert.equal(input.spoiler_text, "");
});
