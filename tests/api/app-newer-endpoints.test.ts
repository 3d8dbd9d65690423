/**
 * An app (masto.js) using the endpoints of issue 17 in one session, as a client would: several
 * statuses by id, account statuses without direct posts, the link timeline, a filter naming a
 * status, a private note, familiar followers, identity proofs, a conversation read and removed,
 * the Mastodon 4.6 profile with its avatar removed, translation languages, notifications with
 * `supported_types`, and OIDC userinfo. (masto.js camel-cases bodies: the schemas are checked
 * per endpoint in the other tests.)
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, client, createUserWithToken, follow } from "../helpers/users.ts";
import { smallPng } from "../media/helpers.ts";

Deno.test("an app session through the newer endpoints (masto.js)", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const carol = await createUserWithToken(instance, "carol");
    await follow(instance, bob, alice);
    await follow(instance, alice, carol);
    const asAlice = client(instance, alice.token);
    const asBob = client(instance, bob.token);

    const article = "https://birds.example/herons";
    const hello = await asAlice.v1.statuses.create({ status: "Hello!" });
    const linked = await asAlice.v1.statuses.create({
      status: `Read ${article}`,
    });
    const direct = await asAlice.v1.statuses.create({
      status: "@bob just between us",
      visibility: "direct",
    });
    const secret = await asAlice.v1.statuses.create({
      status: "followers only",
      visibility: "private",
    });

    // Several statuses at once: carol doesn't follow alice and sees no private post.
    const many = await client(instance, carol.token).v1.statuses.fetch({
      id: [secret.id, linked.id, hello.id],
    });
    assert.deepEqual(many.map((s) => s.id), [linked.id, hello.id]);

    const withoutDirect = await asBob.v1.accounts.$select(alice.account.id)
      .statuses.list({ excludeDirect: true });
    assert.ok(!withoutDirect.some((s) => s.id === direct.id));
    assert.ok(withoutDirect.some((s) => s.id === secret.id));
    const all = await asBob.v1.accounts.$select(alice.account.id).statuses
      .list();
    assert.ok(
      all.some((s) => s.id === direct.id),
      "bob is mentioned: he sees it",
    );

    const linking = await asBob.v1.timelines.link.list({ url: article });
    assert.deepEqual(linking.map((s) => s.id), [linked.id]);

    const filter = await asBob.v2.filters.create({
      title: "Not today",
      context: ["home"],
      filterAction: "blur",
    });
    const entry = await asBob.v2.filters.$select(filter.id).statuses.create({
      statusId: hello.id,
    });
    const home = await asBob.v1.timelines.home.list();
    const filtered = home.find((s) => s.id === hello.id)!;
    assert.equal(filtered.filtered?.[0].filter.filterAction, "blur");
    assert.deepEqual(filtered.filtered?.[0].statusMatches, [hello.id]);
    assert.equal(
      (await asBob.v2.filters.statuses.$select(entry.id).fetch()).statusId,
      hello.id,
    );
    await asBob.v2.filters.statuses.$select(entry.id).remove();
    assert.deepEqual(
      await asBob.v2.filters.$select(filter.id).statuses.list(),
      [],
    );

    const noted = await asBob.v1.accounts.$select(alice.account.id).note.create(
      {
        comment: "met at the heronry",
      },
    );
    assert.equal(noted.note, "met at the heronry");
    // masto.js 8 sends a bare array as `0=…`, which Mastodon ignores too: called as apps do.
    const familiar = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/accounts/familiar_followers?id[]=${carol.account.id}`,
    );
    assert.deepEqual(familiar.body, [{ id: carol.account.id, accounts: [] }]);
    assert.deepEqual(
      await asBob.v1.accounts.$select(alice.account.id).identityProofs.list(),
      [],
    );

    const [conversation] = await asBob.v1.conversations.list();
    assert.equal(conversation.lastStatus?.id, direct.id);
    assert.equal(conversation.unread, true);
    const read = await asBob.v1.conversations.$select(conversation.id).read();
    assert.equal(read.unread, false);
    await asBob.v1.conversations.$select(conversation.id).remove();
    assert.deepEqual(await asBob.v1.conversations.list(), []);

    const profile = await asBob.v1.profile.update({
      displayName: "Bob",
      avatar: new Blob([new Uint8Array(await smallPng())], {
        type: "image/png",
      }),
      avatarDescription: "A kingfisher",
      showMedia: false,
      attributionDomains: ["bob.example"],
      fieldsAttributes: [{ name: "pronouns", value: "he/him" }],
    });
    assert.equal(profile.avatarDescription, "A kingfisher");
    assert.ok(profile.avatar);
    assert.deepEqual(profile.attributionDomains, ["bob.example"]);
    assert.deepEqual(profile.fields.map((f) => f.value), ["he/him"]);
    const noAvatar = await asBob.v1.profile.avatar.remove();
    assert.match(noAvatar.avatar, /missing\.png$/);
    assert.equal((await asBob.v1.profile.fetch()).avatar, null);

    assert.deepEqual(
      await asBob.v1.instance.translationLanguages.list(),
      {},
    );
    const mentions = await asBob.v1.notifications.list({
      // `quote` is a type Starling doesn't make: ignored, not an error.
      types: ["mention", "quote"],
      supportedTypes: ["mention", "follow"],
    });
    assert.ok(mentions.every((n) => n.type === "mention"));
    assert.ok(mentions.some((n) => n.status?.id === direct.id));

    const userinfo = await instance.fetch("/oauth/userinfo", {
      headers: { authorization: `Bearer ${bob.token}` },
    });
    const claims = await userinfo.json();
    assert.equal(claims.preferred_username, "bob");
    assert.equal(claims.name, "Bob");
    assert.equal(claims.sub, `${instance.origin}/users/bob`);
  } finally {
    await instance.close();
  }
});
