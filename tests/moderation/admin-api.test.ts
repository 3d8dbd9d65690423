/**
 * The admin API for reports and accounts, as a moderator's app uses it:
 * - a report filed by a user reaches every moderator as an `admin.report` notification;
 * - GET /api/v1/admin/reports is the queue (unresolved unless `resolved=true`), paged with
 *   `Link`; each entry is an Admin::Report with exactly Mastodon's attributes, its accounts
 *   Admin::Accounts, and the reported statuses even when followers-only;
 * - PUT changes the category; assign_to_self, unassign, resolve and reopen do what they say,
 *   and each action is in the audit log (who, what, which report);
 * - GET /api/v2/admin/accounts and /api/v1/admin/accounts/:id show accounts to those who
 *   manage users; a sign-up notifies them (`admin.sign_up`);
 * - the moderator's own CredentialAccount carries their role, and their account its badge.
 * Refusals: every admin path answers a user without the permission 403 with Mastodon's body,
 * a token without admin scopes 403, an unknown report or account 404.
 */
import assert from "node:assert/strict";
import manifest from "../../fresh.gen.ts";
import { routeModule } from "fresh";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken, follow } from "../helpers/users.ts";
import { assertMatchesSchema } from "../helpers/openapi.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import {
  ADMIN_ACCOUNT_ATTRIBUTES,
  ADMIN_REPORT_ATTRIBUTES,
  createStaff,
  ROLE_ATTRIBUTES,
} from "./helpers.ts";

function assertAttributes(
  body: Record<string, unknown>,
  expected: string[],
  what: string,
) {
  assert.deepEqual(Object.keys(body).sort(), [...expected].sort(), what);
}

function assertAdminReport(report: Record<string, unknown>) {
  assertAttributes(report, ADMIN_REPORT_ATTRIBUTES, "Admin::Report");
  for (
    const key of [
      "account",
      "target_account",
      "assigned_account",
      "action_taken_by_account",
    ]
  ) {
    const account = report[key] as Record<string, unknown> | null;
    if (account) assertAdminAccount(account);
  }
}

function assertAdminAccount(account: Record<string, unknown>) {
  assertAttributes(account, ADMIN_ACCOUNT_ATTRIBUTES, "Admin::Account");
  assertAttributes(
    account.role as Record<string, unknown>,
    ROLE_ATTRIBUTES,
    "Role",
  );
}

Deno.test({
  name:
    "reports workflow through the admin API: queue, report, category, assign, resolve, reopen, audit log",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const moderator = await createStaff(instance, "mod_mia", "moderator");
      const admin = await createStaff(instance, "admin_ada", "admin");
      const reporter = await createUserWithToken(instance, "rita");
      const target = await createUserWithToken(instance, "tom");
      await follow(instance, reporter, target);
      const posted = await api(
        instance,
        target.token,
        "POST",
        "/api/v1/statuses",
        {
          status: "followers only, and rude",
          visibility: "private",
        },
      );
      const privateId = posted.body.id as string;

      const filed = await api(
        instance,
        reporter.token,
        "POST",
        "/api/v1/reports",
        {
          account_id: target.account.id,
          status_ids: [privateId],
          comment: "rude",
          category: "other",
        },
      );
      assert.equal(filed.status, 200, JSON.stringify(filed.body));
      const reportId = filed.body.id as string;

      // Both staff members hear of it, through the notifications API, with the report.
      for (const staff of [moderator, admin]) {
        const notes = await api(
          instance,
          staff.token,
          "GET",
          "/api/v1/notifications?types[]=admin.report",
        );
        assert.equal(notes.body.length, 1, staff.account.username);
        assert.equal(notes.body[0].type, "admin.report");
        assert.equal(notes.body[0].account.id, reporter.account.id);
        assert.equal(notes.body[0].report.id, reportId);
      }
      // A second report, so the queue has two and pages.
      const second = await api(
        instance,
        target.token,
        "POST",
        "/api/v1/reports",
        {
          account_id: reporter.account.id,
          category: "spam",
        },
      );

      const queue = await api(
        instance,
        moderator.token,
        "GET",
        "/api/v1/admin/reports",
      );
      assert.equal(queue.status, 200, JSON.stringify(queue.body));
      assert.deepEqual(
        queue.body.map((r: { id: string }) => r.id),
        [second.body.id, reportId],
      );
      for (const report of queue.body) {
        assertAdminReport(report);
        await assertMatchesSchema(report, "AdminReport");
      }
      const first = queue.body[1];
      assert.equal(first.account.id, reporter.account.id);
      assert.equal(first.target_account.id, target.account.id);
      assert.equal(first.target_account.email, "tom@example.com");
      assert.equal(first.target_account.role.id, "-99");
      assert.deepEqual(
        first.statuses.map((s: { id: string }) => s.id),
        [privateId],
        "moderators see the followers-only status reported",
      );
      assert.equal(first.statuses[0].visibility, "private");
      assert.equal(first.assigned_account, null);

      const paged = await api(
        instance,
        moderator.token,
        "GET",
        "/api/v1/admin/reports?limit=1",
      );
      assert.equal(paged.body.length, 1);
      assert.match(
        paged.headers.get("link") ?? "",
        new RegExp(`max_id=${second.body.id}>; rel="next"`),
      );
      const byTarget = await api(
        instance,
        moderator.token,
        "GET",
        `/api/v1/admin/reports?target_account_id=${target.account.id}`,
      );
      assert.deepEqual(byTarget.body.map((r: { id: string }) => r.id), [
        reportId,
      ]);
      const byReporter = await api(
        instance,
        moderator.token,
        "GET",
        `/api/v1/admin/reports?account_id=${target.account.id}`,
      );
      assert.deepEqual(byReporter.body.map((r: { id: string }) => r.id), [
        second.body.id,
      ]);

      const call = async (method: string, path: string, body?: unknown) => {
        const res = await api(instance, moderator.token, method, path, body);
        assert.equal(
          res.status,
          200,
          `${method} ${path}: ${JSON.stringify(res.body)}`,
        );
        assertAdminReport(res.body);
        return res.body;
      };
      const base = `/api/v1/admin/reports/${reportId}`;
      assert.equal((await call("GET", base)).id, reportId);
      assert.equal(
        (await call("PUT", base, { category: "spam" })).category,
        "spam",
      );
      const bad = await api(instance, moderator.token, "PUT", base, {
        category: "nonsense",
      });
      assert.equal(bad.status, 422);
      const assigned = await call("POST", `${base}/assign_to_self`);
      assert.equal(assigned.assigned_account.id, moderator.account.id);
      assert.equal(assigned.assigned_account.role.name, "Moderator");
      assert.equal(
        (await call("POST", `${base}/unassign`)).assigned_account,
        null,
      );
      const resolved = await call("POST", `${base}/resolve`);
      assert.equal(resolved.action_taken, true);
      assert.ok(resolved.action_taken_at);
      assert.equal(resolved.action_taken_by_account.id, moderator.account.id);

      const open = await api(
        instance,
        moderator.token,
        "GET",
        "/api/v1/admin/reports",
      );
      assert.deepEqual(open.body.map((r: { id: string }) => r.id), [
        second.body.id,
      ]);
      const closed = await api(
        instance,
        moderator.token,
        "GET",
        "/api/v1/admin/reports?resolved=true",
      );
      assert.deepEqual(closed.body.map((r: { id: string }) => r.id), [
        reportId,
      ]);
      const reopened = await call("POST", `${base}/reopen`);
      assert.equal(reopened.action_taken, false);
      assert.equal(reopened.action_taken_by_account, null);

      const log = await instance.deps.sql<
        {
          account_id: string;
          action: string;
          target_type: string;
          target_id: string;
        }[]
      >`SELECT account_id, action, target_type, target_id FROM admin_action_logs ORDER BY id`;
      assert.deepEqual(
        log.map((
          e,
        ) => [
          String(e.account_id),
          e.action,
          e.target_type,
          String(e.target_id),
        ]),
        ["update", "assigned_to_self", "unassigned", "resolve", "reopen"].map((
          action,
        ) => [
          moderator.account.id,
          action,
          "Report",
          reportId,
        ]),
        "the refused update wrote nothing",
      );

      // Accounts, to those who manage users.
      const accounts = await api(
        instance,
        moderator.token,
        "GET",
        "/api/v2/admin/accounts?origin=local&permissions=staff",
      );
      assert.equal(accounts.status, 200, JSON.stringify(accounts.body));
      assert.deepEqual(
        accounts.body.map((a: { username: string }) => a.username).sort(),
        ["admin_ada", "mod_mia"],
      );
      for (const account of accounts.body) {
        assertAdminAccount(account);
        await assertMatchesSchema(account, "AdminAccount");
      }
      const one = await api(
        instance,
        moderator.token,
        "GET",
        `/api/v1/admin/accounts/${target.account.id}`,
      );
      assert.equal(one.status, 200);
      assertAdminAccount(one.body);
      assert.equal(one.body.username, "tom");
      assert.equal(one.body.approved, true);
      assert.equal(one.body.account.id, target.account.id);

      // A sign-up is news for those who manage users.
      const newcomer = await signUp(instance.deps.sql, {
        username: "newcomer",
        email: "new@example.com",
        password: "a good password",
      }, { registrations: "open", effects: instance.deps.effects });
      const signUps = await api(
        instance,
        admin.token,
        "GET",
        "/api/v1/notifications?types[]=admin.sign_up",
      );
      assert.deepEqual(
        signUps.body.map((n: { account: { id: string } }) => n.account.id),
        [newcomer.account.id],
      );

      // The moderator's own account: their role, and its badge.
      const me = await api(
        instance,
        moderator.token,
        "GET",
        "/api/v1/accounts/verify_credentials",
      );
      assert.deepEqual(me.body.role, {
        id: "1",
        name: "Moderator",
        permissions: "66844",
        color: "",
        highlighted: true,
      });
      assert.deepEqual(me.body.roles, [{
        id: "1",
        name: "Moderator",
        color: "",
      }]);
      const seen = await api(
        instance,
        null,
        "GET",
        `/api/v1/accounts/${moderator.account.id}`,
      );
      assert.deepEqual(seen.body.roles, [{
        id: "1",
        name: "Moderator",
        color: "",
      }]);
      const plain = await api(
        instance,
        null,
        "GET",
        `/api/v1/accounts/${target.account.id}`,
      );
      assert.deepEqual(
        plain.body.roles,
        [],
        "no badge without a highlighted role",
      );
    } finally {
      await instance.close();
    }
  },
});

/** `./routes/api/v1/admin/reports/[id]/resolve.ts` → `/api/v1/admin/reports/[id]/resolve` */
function urlPattern(file: string): string {
  return file.replace(/^\.\/routes/, "").replace(/\.tsx?$/, "").replace(
    /\/index$/,
    "",
  );
}

Deno.test({
  name:
    "every admin API path refuses a user without the permission (403, Mastodon's body), a token without admin scopes (403); unknown ids are 404",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const user = await createUserWithToken(instance, "plain", {
        scopes: "read write admin:read admin:write",
      });
      const unscoped = await createStaff(
        instance,
        "mod_noscope",
        "moderator",
        "read write",
      );
      const moderator = await createStaff(instance, "mod_max", "moderator");
      // Domain blocks and allows need manage_federation, sign-up blocks manage_blocks, which
      // Moderators lack: an Admin.
      const admin = await createStaff(instance, "adm_max", "admin");
      const reporter = await createUserWithToken(instance, "rae");
      const filed = await api(
        instance,
        reporter.token,
        "POST",
        "/api/v1/reports",
        {
          account_id: user.account.id,
        },
      );
      const reportId = filed.body.id as string;

      let walked = 0;
      for (const [file, entry] of Object.entries(manifest.routes)) {
        if (!/^\.\/routes\/api\/v\d\/admin\//.test(file)) continue;
        const mod = await routeModule(entry);
        const handler =
          (mod as { handler?: Record<string, unknown> }).handler ?? {};
        const pattern = urlPattern(file);
        for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
          if (typeof handler[method] !== "function") continue;
          const body = method === "GET" ? undefined : {};
          const real = pattern.replace(
            "[id]",
            pattern.includes("/accounts/") ? reporter.account.id : reportId,
          );
          const refused = await api(instance, user.token, method, real, body);
          assert.equal(refused.status, 403, `${method} ${real}`);
          assert.deepEqual(refused.body, {
            error: "This action is not allowed",
          });
          const noScope = await api(
            instance,
            unscoped.token,
            method,
            real,
            body,
          );
          assert.equal(
            noScope.status,
            403,
            `${method} ${real} without admin scopes`,
          );
          assert.deepEqual(noScope.body, {
            error: "This action is outside the authorized scopes",
          });
          if (pattern.includes("[id]")) {
            const permitted =
              /\/(domain_(blocks|allows)|email_domain_blocks|ip_blocks|canonical_email_blocks)\//
                  .test(pattern)
                ? admin
                : moderator;
            const missing = await api(
              instance,
              permitted.token,
              method,
              pattern.replace("[id]", "123456789"),
              body,
            );
            assert.equal(
              missing.status,
              404,
              `${method} ${pattern} unknown id`,
            );
          }
          walked++;
        }
      }
      assert.ok(walked >= 9, `walked ${walked} admin endpoints`);
      const [row] = await instance.deps.sql<{ action_taken_at: Date | null }[]>`
        SELECT action_taken_at FROM reports WHERE id = ${reportId}`;
      assert.equal(row.action_taken_at, null, "nothing was resolved");
      const [{ n }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM admin_action_logs`;
      assert.equal(n, 0, "nothing was logged");

      // Apps may ask for Mastodon's admin sub-scopes, and only for those.
      const app = await api(instance, null, "POST", "/api/v1/apps", {
        client_name: "mod tool",
        redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
        scopes:
          "read admin:read:reports admin:write:reports admin:read:accounts",
      });
      assert.equal(app.status, 200, JSON.stringify(app.body));
      const bogus = await api(instance, null, "POST", "/api/v1/apps", {
        client_name: "mod tool",
        redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
        scopes: "read admin:read:everything",
      });
      assert.equal(bogus.status, 422);
    } finally {
      await instance.close();
    }
  },
});
