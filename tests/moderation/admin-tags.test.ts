/**
 * Hashtag moderation through the admin API (Mastodon 4.5's admin tags, `manage_taxonomies`):
 * - GET /api/v1/admin/tags lists every hashtag as Admin::Tag (exactly Mastodon's attributes),
 *   newest first, paged with `Link`; GET /api/v1/admin/tags/:id shows one;
 * - PUT sets `display_name` (its case only: anything else is 422), `trendable`, `usable` and
 *   `listable`, each change in the audit log;
 * - a tag made unusable is no longer linked in new posts nor attached to them (its timeline
 *   doesn't get them), isn't found by search and doesn't trend even when approved; one made
 *   unlisted isn't found by search; `trendable` is the trends review's decision.
 * Refusals: a user without `manage_taxonomies` 403, a token without admin scopes 403, an unknown
 * tag 404.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { refreshTrends } from "../../lib/trends/mod.ts";
import { createStaff } from "./helpers.ts";

const ADMIN_TAG_ATTRIBUTES = [
  "id",
  "name",
  "url",
  "history",
  "trendable",
  "usable",
  "listable",
  "requires_review",
].sort();

Deno.test({
  name:
    "admin tags: list, show, set the flags; an unusable tag isn't linked, searched or trending",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const moderator = await createStaff(instance, "mod_tess", "moderator");
      const bob = await createUserWithToken(instance, "bob");
      const carol = await createUserWithToken(instance, "carol");
      const post = (token: string, status: string) =>
        api(instance, token, "POST", "/api/v1/statuses", { status });
      for (const user of [bob, carol]) {
        await post(user.token, "sunny day #Weather #spamtag");
      }

      const list = await api(
        instance,
        moderator.token,
        "GET",
        "/api/v1/admin/tags?limit=1",
      );
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.equal(list.body.length, 1);
      assert.match(list.headers.get("link") ?? "", /max_id=\d+.*rel="next"/);
      const all = await api(
        instance,
        moderator.token,
        "GET",
        "/api/v1/admin/tags",
      );
      const names = all.body.map((t: { name: string }) => t.name).sort();
      assert.deepEqual(names, ["spamtag", "weather"]);
      const spam = all.body.find((t: { name: string }) => t.name === "spamtag");
      assert.deepEqual(Object.keys(spam).sort(), ADMIN_TAG_ATTRIBUTES);
      assert.equal(spam.url, `${instance.deps.config.origin}/tags/spamtag`);
      assert.equal(spam.history.length, 7);
      assert.equal(spam.history[0].uses, "2");
      assert.equal(spam.usable, true);
      assert.equal(spam.listable, true);
      assert.equal(spam.trendable, false);
      assert.equal(spam.requires_review, true);

      // Approved to trend, then made unusable: it leaves the trends and search.
      const approved = await api(
        instance,
        moderator.token,
        "PUT",
        `/api/v1/admin/tags/${spam.id}`,
        { trendable: true },
      );
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(approved.body.trendable, true);
      assert.equal(approved.body.requires_review, false);
      await refreshTrends(instance.deps.sql);
      const trending = await api(instance, null, "GET", "/api/v1/trends/tags");
      assert.deepEqual(trending.body.map((t: { name: string }) => t.name), [
        "spamtag",
      ]);

      const unusable = await api(
        instance,
        moderator.token,
        "PUT",
        `/api/v1/admin/tags/${spam.id}`,
        { usable: false },
      );
      assert.equal(unusable.body.usable, false);
      assert.equal(unusable.body.trendable, true, "other flags stay");
      const shown = await api(
        instance,
        moderator.token,
        "GET",
        `/api/v1/admin/tags/${spam.id}`,
      );
      assert.deepEqual(shown.body, unusable.body);
      assert.deepEqual(
        (await api(instance, null, "GET", "/api/v1/trends/tags")).body,
        [],
      );
      await refreshTrends(instance.deps.sql);
      assert.deepEqual(
        (await api(instance, null, "GET", "/api/v1/trends/tags")).body,
        [],
        "an unusable tag doesn't trend again",
      );
      const searched = await api(
        instance,
        bob.token,
        "GET",
        "/api/v2/search?q=spam&type=hashtags",
      );
      assert.deepEqual(searched.body.hashtags, []);

      // A new post: the tag is plain text, and its timeline doesn't get the post.
      const later = await post(bob.token, "more #spamtag and #weather");
      assert.equal(later.status, 200);
      assert.doesNotMatch(later.body.content, /tags\/spamtag/);
      assert.match(later.body.content, /#spamtag/);
      assert.match(later.body.content, /tags\/weather/);
      assert.deepEqual(
        later.body.tags.map((t: { name: string }) => t.name),
        ["weather"],
      );
      const timeline = await api(
        instance,
        bob.token,
        "GET",
        "/api/v1/timelines/tag/spamtag",
      );
      assert.ok(
        !timeline.body.some((s: { id: string }) => s.id === later.body.id),
      );

      // Unlisted: not offered by search, still linked.
      const weather = all.body.find((t: { name: string }) =>
        t.name === "weather"
      );
      const unlisted = await api(
        instance,
        moderator.token,
        "PUT",
        `/api/v1/admin/tags/${weather.id}`,
        { listable: false, display_name: "WEATHER" },
      );
      assert.equal(unlisted.status, 200, JSON.stringify(unlisted.body));
      assert.equal(unlisted.body.name, "WEATHER");
      assert.equal(unlisted.body.listable, false);
      assert.deepEqual(
        (await api(
          instance,
          bob.token,
          "GET",
          "/api/v2/search?q=weath&type=hashtags",
        )).body.hashtags,
        [],
      );

      // Refusals.
      const renamed = await api(
        instance,
        moderator.token,
        "PUT",
        `/api/v1/admin/tags/${weather.id}`,
        { display_name: "climate" },
      );
      assert.equal(renamed.status, 422);
      assert.match(renamed.body.error, /case/);
      const notStaff = await createUserWithToken(instance, "dora", {
        scopes: "read write admin:read admin:write",
      });
      const refused = await api(
        instance,
        notStaff.token,
        "GET",
        "/api/v1/admin/tags",
      );
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error, "This action is not allowed");
      const noScope = await api(
        instance,
        bob.token,
        "PUT",
        `/api/v1/admin/tags/${spam.id}`,
        { usable: true },
      );
      assert.equal(noScope.status, 403);
      const unknown = await api(
        instance,
        moderator.token,
        "GET",
        "/api/v1/admin/tags/123456789",
      );
      assert.equal(unknown.status, 404);

      const log = await instance.deps.sql<
        { account_id: string; action: string; target_id: string }[]
      >`SELECT account_id::text, action, target_id FROM admin_action_logs
        WHERE target_type = 'Tag' ORDER BY id`;
      assert.deepEqual(
        log.map((e) => [e.account_id, e.action, e.target_id]),
        [
          [moderator.account.id, "update", spam.id],
          [moderator.account.id, "update", spam.id],
          [moderator.account.id, "update", weather.id],
        ],
      );
    } finally {
      await instance.close();
    }
  },
});
