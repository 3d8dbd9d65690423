/**
 * The dashboard's numbers through Mastodon's admin API (`view_dashboard`, `admin:read`):
 * - measures count what happened per UTC day (new and active users, interactions on local
 *   posts, reports opened and resolved, a tag's uses), with the period's total and the previous
 *   period's, every attribute as Mastodon documents Admin::Measure; unknown keys are left out; a
 *   key that needs an argument and lacks it is a 422;
 * - dimensions name the top languages and apps, space used and software versions;
 * - retention gives, per sign-up day, how much of that cohort was active on each later day;
 * - someone without the permission gets 403; the dashboard page shows the last 30 days.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { FormClient } from "../helpers/forms.ts";
import { createStaff } from "./helpers.ts";
import type { AdminMeasure } from "../../lib/mastodon/entities/admin-metrics.ts";

const DAY = 24 * 3600 * 1000;
const day = (offset: number) =>
  new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

Deno.test({
  name: "admin measures, dimensions and retention count what happened",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const { deps } = instance;
      const admin = await createStaff(instance, "ada", "admin");
      const alice = await createUserWithToken(instance, "alice");
      const bob = await createUserWithToken(instance, "bob");
      // Bob joined three days ago and was active then; everyone's API calls today count.
      await deps.sql`UPDATE users SET created_at = now() - interval '3 days'
                     WHERE id = ${bob.user.id}`;
      await deps.sql`INSERT INTO account_activity_days (account_id, day)
                     VALUES (${bob.account.id}, ${day(-3)})`;

      const post = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/statuses",
        {
          status: "hello #cats",
          language: "en",
        },
      );
      const postId = post.body.id as string;
      await api(
        instance,
        bob.token,
        "POST",
        `/api/v1/statuses/${postId}/favourite`,
      );
      await api(
        instance,
        bob.token,
        "POST",
        `/api/v1/statuses/${postId}/reblog`,
      );
      await api(instance, bob.token, "POST", "/api/v1/statuses", {
        status: "@alice me too",
        in_reply_to_id: postId,
        language: "en",
      });
      const report = await api(instance, bob.token, "POST", "/api/v1/reports", {
        account_id: alice.account.id,
        comment: "spam",
      });
      await api(
        instance,
        admin.token,
        "POST",
        `/api/v1/admin/reports/${report.body.id}/resolve`,
      );
      const [tag] = await deps.sql<{ id: string }[]>`
        SELECT id::text FROM tags WHERE name = 'cats'`;

      const res = await api(
        instance,
        admin.token,
        "POST",
        "/api/v1/admin/measures",
        {
          keys: [
            "new_users",
            "active_users",
            "interactions",
            "opened_reports",
            "resolved_reports",
            "tag_uses",
            "instance_statuses",
            "no_such_measure",
          ],
          start_at: day(-6),
          end_at: day(0),
          tag_uses: { id: tag.id },
          instance_statuses: { domain: "remote.example" },
        },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const byKey = new Map(
        (res.body as AdminMeasure[]).map((m) => [m.key, m]),
      );
      assert.deepEqual([...byKey.keys()], [
        "active_users",
        "new_users",
        "interactions",
        "opened_reports",
        "resolved_reports",
        "tag_uses",
        "instance_statuses",
      ]);
      const newUsers = byKey.get("new_users")!;
      assert.deepEqual(Object.keys(newUsers).sort(), [
        "data",
        "key",
        "previous_total",
        "total",
        "unit",
      ]);
      assert.equal(newUsers.total, "3", "ada, alice and bob joined this week");
      assert.equal(newUsers.data.length, 7);
      assert.deepEqual(newUsers.data[3], {
        date: `${day(-3)}T00:00:00.000Z`,
        value: "1",
      });
      const total = (key: string) => byKey.get(key)!.total;
      assert.equal(total("active_users"), "3");
      assert.equal(total("interactions"), "3", "a favourite, a boost, a reply");
      assert.equal(total("opened_reports"), "1");
      assert.equal(total("resolved_reports"), "1");
      assert.equal(total("tag_uses"), "1");
      assert.equal(total("instance_statuses"), "0");
      assert.equal(
        "previous_total" in byKey.get("instance_statuses")!,
        false,
        "per-server measures have no previous total, as in Mastodon",
      );

      const missing = await api(
        instance,
        admin.token,
        "POST",
        "/api/v1/admin/measures",
        {
          keys: ["tag_accounts"],
          start_at: day(-6),
          end_at: day(0),
        },
      );
      assert.equal(missing.status, 422);
      assert.match(missing.body.error, /tag_accounts\[id\]/);

      const dims = await api(
        instance,
        admin.token,
        "POST",
        "/api/v1/admin/dimensions",
        {
          keys: ["languages", "space_usage", "software_versions"],
          start_at: day(-6),
          end_at: day(0),
          limit: 5,
        },
      );
      assert.equal(dims.status, 200, JSON.stringify(dims.body));
      const [languages, space, software] = dims.body as {
        key: string;
        data: Record<string, string>[];
      }[];
      assert.deepEqual(languages.data[0], {
        key: "en",
        human_key: "English",
        value: "2",
      });
      assert.equal(space.data[0].key, "postgresql");
      assert.equal(space.data[0].unit, "bytes");
      assert.ok(Number(space.data[0].value) > 0);
      assert.match(space.data[0].human_value, /^\d+(\.\d)? (KB|MB|GB)$/);
      assert.equal(software.data[0].key, "starling");

      const cohorts = await api(
        instance,
        admin.token,
        "POST",
        "/api/v1/admin/retention",
        {
          start_at: day(-3),
          end_at: day(0),
          frequency: "day",
        },
      );
      assert.equal(cohorts.status, 200);
      const [first] = cohorts.body as {
        period: string;
        frequency: string;
        data: { date: string; rate: number; value: string }[];
      }[];
      assert.equal(first.period, `${day(-3)}T00:00:00.000Z`);
      assert.equal(first.frequency, "day");
      assert.deepEqual(
        first.data.map((d) => [d.rate, d.value]),
        [[1, "1"], [0, "0"], [0, "0"], [1, "1"]],
        "bob, active the day he joined and today",
      );

      // A user without view_dashboard: 403 with Mastodon's body.
      const adminScoped = await createUserWithToken(instance, "eve", {
        scopes: "read admin:read",
      });
      const refused = await api(
        instance,
        adminScoped.token,
        "POST",
        "/api/v1/admin/measures",
        {
          keys: ["new_users"],
          start_at: day(-1),
          end_at: day(0),
        },
      );
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.body, { error: "This action is not allowed" });

      // The dashboard page shows the same 30-day numbers.
      const browser = new FormClient(instance.origin);
      const form = await browser.page("/auth/sign_in");
      await browser.post("/auth/sign_in", {
        _csrf: form.csrf,
        login: "ada",
        password: "a good password",
        return_to: "/admin",
      });
      const html = (await browser.page("/admin")).html;
      assert.match(html, /<dt>Interactions<\/dt><dd>3/);
      assert.match(html, /<dt>Reports resolved<\/dt><dd>1/);
      assert.match(html, /<dt>Jobs parked<\/dt><dd>0/);
    } finally {
      await instance.close();
    }
  },
});
