/**
 * Trends come from real activity and show only once a moderator approves them: hashtags used by
 * several accounts in public posts, posts several accounts boosted or favourited, links several
 * accounts shared. Private posts and limited accounts don't count; a viewer never sees a trending
 * post by someone they block or mute. Moderators review through the admin API and /admin/trends
 * (each decision in the audit log); other users get 403.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken, type TestUser } from "../helpers/users.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import { signedInBrowser } from "../helpers/oauth.ts";
import { createStaff } from "../moderation/helpers.ts";
import { refreshTrends } from "../../lib/trends/mod.ts";
import { BUILT_IN_ROLE_IDS } from "../../lib/moderation/mod.ts";

Deno.test("trends: measured from activity, shown once approved, per viewer", async () => {
  const instance = await startTestInstance();
  try {
    const [alice, bob, carol, dave, erin] = await Promise.all(
      ["alice", "bob", "carol", "dave", "erin"].map((name) =>
        createUserWithToken(instance, name)
      ),
    );
    const mod = await createStaff(instance, "moira", "moderator");
    const post = (user: TestUser, status: string, visibility = "public") =>
      api(instance, user.token, "POST", "/api/v1/statuses", {
        status,
        visibility,
      });

    const popular = await post(
      alice,
      "Read https://example.com/article #Starling",
    );
    await post(bob, "Same here https://example.com/article #starling");
    await post(carol, "quiet #secretive", "private");
    await post(dave, "quiet #secretive", "private");
    for (const fan of [bob, carol, dave]) {
      await api(
        instance,
        fan.token,
        "POST",
        `/api/v1/statuses/${popular.body.id}/favourite`,
      );
    }
    await api(
      instance,
      erin.token,
      "POST",
      `/api/v1/statuses/${popular.body.id}/reblog`,
    );
    // Limited accounts' activity doesn't count, however much of it there is.
    await instance.deps.sql`UPDATE accounts SET silenced_at = now()
      WHERE id IN (${carol.account.id}, ${dave.account.id})`;
    await post(carol, "buy now #spamwave");
    await post(dave, "buy now #spamwave");

    await refreshTrends(instance.deps.sql);

    // Nothing is public before review.
    for (const kind of ["tags", "statuses", "links"]) {
      const res = await api(instance, null, "GET", `/api/v1/trends/${kind}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, [], kind);
    }

    const adminTags = await api(
      instance,
      mod.token,
      "GET",
      "/api/v1/admin/trends/tags",
    );
    assert.equal(adminTags.status, 200);
    assert.deepEqual(adminTags.body.map((t: { name: string }) => t.name), [
      "starling",
    ]);
    assert.equal(adminTags.body[0].requires_review, true);
    const adminStatuses = await api(
      instance,
      mod.token,
      "GET",
      "/api/v1/admin/trends/statuses",
    );
    assert.deepEqual(adminStatuses.body.map((s: { id: string }) => s.id), [
      popular.body.id,
    ]);
    assert.equal(adminStatuses.body[0].requires_review, true);
    const adminLinks = await api(
      instance,
      mod.token,
      "GET",
      "/api/v1/admin/trends/links",
    );
    assert.deepEqual(adminLinks.body.map((l: { url: string }) => l.url), [
      "https://example.com/article",
    ]);

    const refused = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/admin/trends/tags",
    );
    assert.equal(refused.status, 403);
    assert.equal(
      (await api(
        instance,
        alice.token,
        "POST",
        `/api/v1/admin/trends/tags/${adminTags.body[0].id}/approve`,
      )).status,
      403,
    );

    const approvedTag = await api(
      instance,
      mod.token,
      "POST",
      `/api/v1/admin/trends/tags/${adminTags.body[0].id}/approve`,
    );
    assert.equal(approvedTag.status, 200);
    assert.equal(approvedTag.body.trendable, true);
    assert.equal(approvedTag.body.requires_review, false);
    await api(
      instance,
      mod.token,
      "POST",
      `/api/v1/admin/trends/statuses/${popular.body.id}/approve`,
    );
    await api(
      instance,
      mod.token,
      "POST",
      `/api/v1/admin/trends/links/${adminLinks.body[0].id}/approve`,
    );
    const unknown = await api(
      instance,
      mod.token,
      "POST",
      "/api/v1/admin/trends/statuses/1/approve",
    );
    assert.equal(unknown.status, 404);

    const tags = await api(instance, null, "GET", "/api/v1/trends/tags");
    await assertResponseMatches("GET", "/api/v1/trends/tags", 200, tags.body);
    assert.deepEqual(tags.body.map((t: { name: string }) => t.name), [
      "starling",
    ]);
    assert.equal(tags.body[0].history[0].accounts, "2");
    assert.deepEqual(
      (await api(instance, null, "GET", "/api/v1/trends")).body,
      tags.body,
    );
    // Signed in, whether one follows the tag.
    await api(instance, bob.token, "POST", "/api/v1/tags/starling/follow");
    const followed = await api(
      instance,
      bob.token,
      "GET",
      "/api/v1/trends/tags",
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/trends/tags",
      200,
      followed.body,
    );
    assert.equal(followed.body[0].following, true);
    assert.equal(tags.body[0].following, undefined);

    const statuses = await api(
      instance,
      bob.token,
      "GET",
      "/api/v1/trends/statuses",
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/trends/statuses",
      200,
      statuses.body,
    );
    assert.deepEqual(statuses.body.map((s: { id: string }) => s.id), [
      popular.body.id,
    ]);

    const links = await api(instance, null, "GET", "/api/v1/trends/links");
    await assertResponseMatches("GET", "/api/v1/trends/links", 200, links.body);
    assert.equal(links.body[0].url, "https://example.com/article");
    assert.equal(links.body[0].history[0].accounts, "2");

    // Publishers: the sites of trending links. Rejecting one leaves links approved one by one.
    const publishers = await api(
      instance,
      mod.token,
      "GET",
      "/api/v1/admin/trends/links/publishers",
    );
    assert.equal(publishers.status, 200);
    assert.equal(publishers.body.length, 1);
    assert.equal(publishers.body[0].domain, "example.com");
    assert.equal(publishers.body[0].requires_review, true);
    assert.match(publishers.body[0].id, /^\d+$/);
    const rejectedSite = await api(
      instance,
      mod.token,
      "POST",
      `/api/v1/admin/trends/links/publishers/${publishers.body[0].id}/reject`,
    );
    assert.equal(rejectedSite.status, 200);
    assert.equal(rejectedSite.body.trendable, false);
    assert.equal(rejectedSite.body.requires_review, false);
    assert.deepEqual(
      (await api(instance, null, "GET", "/api/v1/trends/links")).body,
      links.body,
    );

    // Per viewer: not someone you block or mute.
    await api(
      instance,
      erin.token,
      "POST",
      `/api/v1/accounts/${alice.account.id}/mute`,
    );
    assert.deepEqual(
      (await api(instance, erin.token, "GET", "/api/v1/trends/statuses")).body,
      [],
    );
    await api(
      instance,
      dave.token,
      "POST",
      `/api/v1/accounts/${alice.account.id}/block`,
    );
    assert.deepEqual(
      (await api(instance, dave.token, "GET", "/api/v1/trends/statuses")).body,
      [],
    );
    // Suspension after the last refresh hides the post at once.
    await instance.deps
      .sql`UPDATE accounts SET suspended_at = now() WHERE id = ${alice.account.id}`;
    assert.deepEqual(
      (await api(instance, bob.token, "GET", "/api/v1/trends/statuses")).body,
      [],
    );
    await instance.deps
      .sql`UPDATE accounts SET suspended_at = NULL WHERE id = ${alice.account.id}`;

    // Rejecting takes it away; the decisions are in the audit log.
    const rejected = await api(
      instance,
      mod.token,
      "POST",
      `/api/v1/admin/trends/statuses/${popular.body.id}/reject`,
    );
    assert.equal(rejected.body.requires_review, false);
    assert.deepEqual(
      (await api(instance, bob.token, "GET", "/api/v1/trends/statuses")).body,
      [],
    );
    const log = await instance.deps.sql<
      { action: string; target_type: string }[]
    >`
      SELECT action, target_type FROM admin_action_logs
      WHERE account_id = ${mod.account.id} ORDER BY id`;
    assert.deepEqual(log.map((l) => `${l.action} ${l.target_type}`), [
      "approve Tag",
      "approve Status",
      "approve Link",
      "reject Publisher",
      "reject Status",
    ]);

    // Offset paging, as Mastodon's: a full page links to the next.
    const paged = await api(
      instance,
      null,
      "GET",
      "/api/v1/trends/tags?limit=1",
    );
    assert.match(paged.headers.get("link") ?? "", /offset=1>; rel="next"/);
    await assertMatchesSchema(paged.body, "Tag", { array: true });
  } finally {
    await instance.close();
  }
});

Deno.test("trends: /admin/trends lists what trends and approves without JavaScript", async () => {
  const instance = await startTestInstance();
  try {
    const [alice, bob] = await Promise.all(
      ["alice", "bob"].map((name) => createUserWithToken(instance, name)),
    );
    for (const user of [alice, bob]) {
      await api(instance, user.token, "POST", "/api/v1/statuses", {
        status: "#FediverseDay is here: https://blog.example/fediverse-day",
      });
    }
    await refreshTrends(instance.deps.sql);
    const browser = await signedInBrowser(instance, "moira");
    assert.equal((await browser.page("/admin/trends")).status, 403);
    await instance.deps
      .sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.moderator}
      WHERE account_id = (SELECT id FROM accounts WHERE username = 'moira' AND domain IS NULL)`;
    const page = await browser.page("/admin/trends");
    assert.equal(page.status, 200);
    assert.match(page.html, /#FediverseDay/i);
    assert.match(page.html, /Waiting for review/);
    assert.match(page.html, /href="\/admin\/trends"/);
    const tagId =
      /name="kind" value="tag"\/?><input type="hidden" name="id" value="(\d+)"/
        .exec(page.html)?.[1];
    assert.ok(tagId, "a decision form for the tag");
    const done = await browser.post("/admin/trends", {
      _csrf: page.csrf,
      kind: "tag",
      id: tagId,
      decision: "approve",
    });
    assert.equal(done.status, 303);
    await done.body?.cancel();
    assert.match((await browser.page("/admin/trends")).html, /Approved/);
    const tags = await api(instance, null, "GET", "/api/v1/trends/tags");
    assert.deepEqual(tags.body.map((t: { name: string }) => t.name), [
      "fediverseday",
    ]);

    // The web UI's /explore (its Hashtags tab) shows the same, without signing in.
    const explore = await (await instance.fetch("/explore?tab=tags")).text();
    assert.match(explore, /href="\/tags\/fediverseday">#fediverseday</);

    // A whole site at once: approving the publisher lets its links trend.
    const again = await browser.page("/admin/trends");
    assert.match(again.html, /every link from blog\.example/);
    assert.deepEqual(
      (await api(instance, null, "GET", "/api/v1/trends/links")).body,
      [],
    );
    const publisher = await browser.post("/admin/trends", {
      _csrf: again.csrf,
      kind: "publisher",
      id:
        /name="kind" value="publisher"\/?><input type="hidden" name="id" value="(\d+)"/
          .exec(again.html)?.[1] ?? "",
      decision: "approve",
    });
    assert.equal(publisher.status, 303);
    await publisher.body?.cancel();
    const links = await api(instance, null, "GET", "/api/v1/trends/links");
    assert.deepEqual(links.body.map((l: { url: string }) => l.url), [
      "https://blog.example/fediverse-day",
    ]);
    assert.match(
      await (await instance.fetch("/explore?tab=links")).text(),
      /href="https:\/\/blog\.example\/fediverse-day"/,
    );
    const [logged] = await instance.deps.sql<{ target_type: string }[]>`
      SELECT target_type FROM admin_action_logs WHERE action = 'approve' ORDER BY id DESC LIMIT 1`;
    assert.equal(logged.target_type, "Publisher");
  } finally {
    await instance.close();
  }
});
