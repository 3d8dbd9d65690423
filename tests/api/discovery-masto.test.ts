/**
 * Discovery as a Mastodon app sees it, through masto.js: people post, boost and favourite; the
 * server's scheduled trends job (made due now) measures it; a moderator approves through the
 * admin API; then the app reads trending tags, posts and links, follow suggestions (and
 * dismisses one), the profile directory, and endorses an account.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { client, createUserWithToken, follow } from "../helpers/users.ts";
import { createStaff } from "../moderation/helpers.ts";
import { eventually } from "../federation/helpers.ts";

Deno.test("masto.js: trends after activity, suggestions, directory, endorsements", async () => {
  const instance = await startTestInstance();
  try {
    const { sql } = instance.deps;
    const [alice, bob, carol, dave] = await Promise.all(
      ["alice", "bob", "carol", "dave"].map((n) =>
        createUserWithToken(instance, n)
      ),
    );
    const moderator = await createStaff(instance, "moira", "moderator");
    const [asAlice, asBob, asCarol, asDave] = [alice, bob, carol, dave].map(
      (u) => client(instance, u.token),
    );
    const asModerator = client(instance, moderator.token);

    const news = await asAlice.v1.statuses.create({
      status: "Big news https://news.example/story #BirdWatch",
    });
    await asBob.v1.statuses.create({
      status: "Seen it: https://news.example/story #birdwatch",
    });
    await asCarol.v1.statuses.$select(news.id).favourite();
    await asDave.v1.statuses.$select(news.id).reblog();

    // The scheduled job: one row for every process, made due now.
    const [schedule] = await sql<{ id: string }[]>`
      SELECT id FROM jobs WHERE kind = 'trends.refresh'`;
    assert.ok(schedule, "trends are refreshed by a scheduled job");
    await sql`UPDATE jobs SET run_at = now() WHERE id = ${schedule.id}`;
    await sql`SELECT pg_notify('starling_jobs', '0')`;
    const pending = await eventually(
      "the job measured the activity",
      async () => {
        const tags = await asModerator.v1.admin.trends.tags.list();
        return tags.length ? tags : null;
      },
    );
    assert.equal(pending[0].name.toLowerCase(), "birdwatch");
    assert.deepEqual(await asBob.v1.trends.tags.list(), []);

    await asModerator.v1.admin.trends.tags.$select(pending[0].id).approve();
    await asModerator.v1.admin.trends.statuses.$select(news.id).approve();
    const [link] = await asModerator.v1.admin.trends.links.list();
    await asModerator.v1.admin.trends.links.$select(
      (link as unknown as { id: string }).id,
    ).approve();

    const tags = await asBob.v1.trends.tags.list();
    assert.deepEqual(tags.map((t) => t.name.toLowerCase()), ["birdwatch"]);
    const statuses = await asBob.v1.trends.statuses.list();
    assert.deepEqual(statuses.map((s) => s.id), [news.id]);
    const links = await asBob.v1.trends.links.list();
    assert.deepEqual(links.map((l) => l.url), ["https://news.example/story"]);

    // Suggestions: bob follows alice, alice follows carol: carol for bob.
    await follow(instance, bob, alice);
    await follow(instance, alice, carol);
    const suggestions = await asBob.v2.suggestions.list();
    assert.equal(suggestions[0].account.username, "carol");
    assert.ok(suggestions[0].sources.includes("friends_of_friends"));
    // masto.js types this method's (unused) parameters as a string.
    await asBob.v1.suggestions.$select(carol.account.id).remove(
      undefined as unknown as string,
    );
    const after = await asBob.v2.suggestions.list();
    assert.ok(!after.some((s) => s.account.id === carol.account.id));

    const directory = await asBob.v1.directory.list({
      order: "active",
      local: true,
    });
    assert.deepEqual(directory.slice(0, 2).map((a) => a.username), [
      "bob",
      "alice",
    ]);

    const relationship = await asBob.v1.accounts.$select(alice.account.id)
      .endorse();
    assert.equal(relationship.endorsed, true);
    const endorsed = await asCarol.v1.accounts.$select(bob.account.id)
      .endorsements.list();
    assert.deepEqual(endorsed.map((a) => a.username), ["alice"]);
  } finally {
    await instance.close();
  }
});
