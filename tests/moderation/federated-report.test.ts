/**
 * A report crosses servers: on instance B, bob reports alice of instance A (with one of her
 * posts) and asks to forward it. B sends a Flag from its instance actor; A stores the report
 * about alice and her post, and A's moderator gets an `admin.report` notification and sees
 * the report in the admin API. Two real Starling instances on loopback, real signed delivery.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import { eventually } from "../federation/helpers.ts";
import { createStaff } from "./helpers.ts";

Deno.test({
  name:
    "a forwarded report from another server becomes a report here, and our moderator is notified",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const moderator = await createStaff(a, "mod_ana", "moderator");
      const alice = await createUserWithToken(a, "alice");
      const bob = await createUserWithToken(b, "bob");
      const post = await api(a, alice.token, "POST", "/api/v1/statuses", {
        status: "something reportable",
      });
      const postUri = `${a.origin}/users/alice/statuses/${post.body.id}`;

      const resolved = await resolveRemote(
        b.deps,
        `@alice@${new URL(a.origin).host}`,
      );
      const aliceOnB = resolved.account as AccountRow;
      const postOnB = await resolveRemote(b.deps, postUri);
      assert.ok(postOnB.status, "B fetched alice's post");

      const filed = await api(b, bob.token, "POST", "/api/v1/reports", {
        account_id: aliceOnB.id,
        status_ids: [postOnB.status!.id],
        comment: "spam from over there",
        category: "spam",
        forward: true,
      });
      assert.equal(filed.status, 200, JSON.stringify(filed.body));
      assert.equal(filed.body.forwarded, true);

      const notification = await eventually(
        "the admin.report on A",
        async () => {
          const list = await api(
            a,
            moderator.token,
            "GET",
            "/api/v1/notifications?types[]=admin.report",
          );
          return list.body[0] ?? null;
        },
      );
      assert.equal(notification.type, "admin.report");
      assert.equal(notification.report.target_account.id, alice.account.id);
      // The reporter is B's instance actor: bob's name is not sent.
      assert.notEqual(notification.account.username, "bob");

      const queue = await api(
        a,
        moderator.token,
        "GET",
        "/api/v1/admin/reports",
      );
      assert.equal(queue.body.length, 1);
      const report = queue.body[0];
      assert.equal(report.id, notification.report.id);
      assert.equal(report.target_account.id, alice.account.id);
      assert.equal(report.comment, "spam from over there");
      assert.equal(report.account.domain, new URL(b.origin).host);
      assert.deepEqual(
        report.statuses.map((s: { id: string }) => s.id),
        [post.body.id],
      );
    } finally {
      await b.close();
      await a.close();
    }
  },
});
