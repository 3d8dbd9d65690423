/**
 * A suspension's grace period: for 30 days unsuspending restores everything and the admin page
 * says when the data goes; after that the daily job deletes the account's data (the username
 * then answers 404), with an audit-log entry naming no moderator. Shorter suspensions stay.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { FormClient } from "../helpers/forms.ts";
import { purgeExpiredSuspensions } from "../../lib/moderation/mod.ts";
import { createStaff } from "./helpers.ts";

Deno.test({
  name:
    "suspended accounts' data is deleted after the 30-day grace period, not before",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const { deps } = instance;
      const admin = await createStaff(instance, "ada", "admin");
      const tom = await createUserWithToken(instance, "tom");
      const sam = await createUserWithToken(instance, "sam");
      for (const user of [tom, sam]) {
        const res = await api(
          instance,
          admin.token,
          "POST",
          `/api/v1/admin/accounts/${user.account.id}/action`,
          { type: "suspend" },
        );
        assert.equal(res.status, 200);
      }
      await deps
        .sql`UPDATE accounts SET suspended_at = now() - interval '31 days'
                     WHERE id = ${tom.account.id}`;
      await deps
        .sql`UPDATE accounts SET suspended_at = now() - interval '29 days'
                     WHERE id = ${sam.account.id}`;

      // The admin page says when sam's data goes (in a day or so).
      const browser = new FormClient(instance.origin);
      const form = await browser.page("/auth/sign_in");
      await browser.post("/auth/sign_in", {
        _csrf: form.csrf,
        login: "ada",
        password: "a good password",
        return_to: "/admin",
      });
      const page = await (await browser.request(
        `/admin/accounts/${sam.account.id}`,
      )).text();
      assert.match(page, /Data deleted<\/dt>/);
      assert.match(page, /unless the suspension is undone/);

      assert.equal(await purgeExpiredSuspensions(deps), 1);
      const lookup = async (acct: string) =>
        (await api(
          instance,
          admin.token,
          "GET",
          `/api/v1/accounts/lookup?acct=${acct}`,
        ))
          .status;
      assert.equal(await lookup("tom"), 404, "tom's account is gone");
      const [kept] = await deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM accounts WHERE id = ${sam.account.id}`;
      assert.equal(kept.n, 1, "sam, suspended 29 days ago, is kept");
      const [logged] = await deps.sql<{ account_id: string | null }[]>`
        SELECT account_id FROM admin_action_logs
        WHERE action = 'destroy' AND human_identifier = 'tom'`;
      assert.equal(logged?.account_id, null, "logged, by no moderator");

      // Unsuspending within the grace period keeps the account for good.
      const res = await api(
        instance,
        admin.token,
        "POST",
        `/api/v1/admin/accounts/${sam.account.id}/unsuspend`,
      );
      assert.equal(res.status, 200);
      assert.equal(
        await purgeExpiredSuspensions(deps, new Date(Date.now() + 40 * 864e5)),
        0,
      );
      assert.equal(await lookup("sam"), 200);
    } finally {
      await instance.close();
    }
  },
});
