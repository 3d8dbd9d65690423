/**
 * Instance settings and content through the Mastodon API (issue 16): what admins set (server
 * name, descriptions, contact, registration mode, privacy policy, rules, terms of service) is
 * what /api/v2/instance, /api/v1/instance and the instance text endpoints say at once, each
 * valid against Mastodon's schema; reports cite the rules; a closed server refuses API
 * sign-ups; a moderator without manage_settings can't change anything.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { createStaff } from "../moderation/helpers.ts";
import { loadActor, readAuditLog } from "../../lib/moderation/mod.ts";
import {
  createRule,
  deleteRule,
  publishTerms,
  updateSettings,
} from "../../lib/instance/mod.ts";

Deno.test("instance APIs show what admins set, at once", async () => {
  const instance = await startTestInstance();
  try {
    const { deps } = instance;
    const admin = await createStaff(instance, "carla", "admin");
    const moderator = await createStaff(instance, "mona", "moderator");
    const alice = await createUserWithToken(instance, "alice");
    const asAdmin = await loadActor(deps.sql, admin.user);
    const asModerator = await loadActor(deps.sql, moderator.user);

    // A moderator holds no manage_settings / manage_rules: refused, nothing written.
    await assert.rejects(
      updateSettings(deps, asModerator, { title: "Hijacked" }),
      { kind: "forbidden" },
    );
    await assert.rejects(
      createRule(deps.sql, asModerator, { text: "No", hint: "" }),
      { kind: "forbidden" },
    );

    await updateSettings(deps, asAdmin, {
      title: "Starling Test Server",
      shortDescription: "A place for tests.",
      extendedDescription: "We test things.\n\nSee https://example.com/more",
      contactUsername: "carla",
      contactEmail: "admin@example.com",
      registrationsMode: "approval",
      approvalRequiresReason: true,
      privacyPolicy: "We keep little.",
    });
    const firstSettings = [
      "privacy_policy",
      "registrations_mode",
      "require_invite_text",
      "site_contact_email",
      "site_contact_username",
      "site_extended_description",
      "site_short_description",
      "site_title",
    ].join(", ");
    const first = await createRule(deps.sql, asAdmin, {
      text: "Be kind",
      hint: "No harassment.",
    });
    await createRule(deps.sql, asAdmin, { text: "No spam", hint: "" });
    await publishTerms(deps.sql, asAdmin, {
      text: "Play nice.",
      effectiveDate: "2020-01-01",
    });

    const v2 = await api(instance, null, "GET", "/api/v2/instance");
    assert.equal(v2.status, 200);
    await assertResponseMatches("GET", "/api/v2/instance", 200, v2.body);
    assert.equal(v2.body.title, "Starling Test Server");
    assert.equal(v2.body.description, "A place for tests.");
    assert.equal(v2.body.contact.email, "admin@example.com");
    assert.equal(v2.body.contact.account.username, "carla");
    assert.deepEqual(v2.body.registrations, {
      enabled: true,
      approval_required: true,
      reason_required: true,
      message: null,
      min_age: null,
      url: null,
    });
    assert.deepEqual(v2.body.rules, [
      { id: first.id, text: "Be kind", hint: "No harassment." },
      { id: v2.body.rules[1].id, text: "No spam", hint: "" },
    ]);
    assert.equal(
      v2.body.configuration.urls.terms_of_service,
      `${instance.origin}/terms-of-service`,
    );

    const v1 = await api(instance, null, "GET", "/api/v1/instance");
    await assertResponseMatches("GET", "/api/v1/instance", 200, v1.body);
    assert.equal(v1.body.title, "Starling Test Server");
    assert.equal(v1.body.approval_required, true);
    assert.equal(v1.body.rules.length, 2);

    const about = await api(
      instance,
      null,
      "GET",
      "/api/v1/instance/extended_description",
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/instance/extended_description",
      200,
      about.body,
    );
    assert.match(about.body.content, /^<p>We test things\.<\/p><p>See <a /);
    const policy = await api(
      instance,
      null,
      "GET",
      "/api/v1/instance/privacy_policy",
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/instance/privacy_policy",
      200,
      policy.body,
    );
    assert.equal(policy.body.content, "<p>We keep little.</p>");
    const rules = await api(instance, null, "GET", "/api/v1/instance/rules");
    await assertResponseMatches(
      "GET",
      "/api/v1/instance/rules",
      200,
      rules.body,
    );
    assert.deepEqual(rules.body.map((r: { text: string }) => r.text), [
      "Be kind",
      "No spam",
    ]);

    // Reports may cite the rules in force, and only those.
    const cited = await api(instance, alice.token, "POST", "/api/v1/reports", {
      account_id: admin.account.id,
      rule_ids: [first.id],
    });
    assert.equal(cited.status, 200);
    assert.equal(cited.body.category, "violation");
    assert.deepEqual(cited.body.rule_ids, [first.id]);
    const bogus = await api(instance, alice.token, "POST", "/api/v1/reports", {
      account_id: admin.account.id,
      rule_ids: ["12345"],
    });
    assert.equal(bogus.status, 422);

    // A deleted rule leaves the list but stays on the report that cites it.
    await deleteRule(deps.sql, asAdmin, first.id);
    const left = await api(instance, null, "GET", "/api/v1/instance/rules");
    assert.deepEqual(left.body.map((r: { text: string }) => r.text), [
      "No spam",
    ]);
    const report = await api(
      instance,
      admin.token,
      "GET",
      `/api/v1/admin/reports/${cited.body.id}`,
    );
    assert.deepEqual(report.body.rules, [
      { id: first.id, text: "Be kind", hint: "No harassment." },
    ]);

    // Approval with a reason required: a reasonless API sign-up is refused.
    const app = await api(instance, null, "POST", "/api/v1/apps", {
      client_name: "Sign-up app",
      redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
      scopes: "read write",
    });
    const appToken = (await api(instance, null, "POST", "/oauth/token", {
      grant_type: "client_credentials",
      client_id: app.body.client_id,
      client_secret: app.body.client_secret,
      scope: "read write",
    })).body.access_token;
    const newcomer = {
      username: "newcomer",
      email: "newcomer@example.com",
      password: "a good password",
      agreement: true,
    };
    const noReason = await api(
      instance,
      appToken,
      "POST",
      "/api/v1/accounts",
      newcomer,
    );
    assert.equal(noReason.status, 422);

    // Closed now: every process reads the new mode from the database, no restart.
    await updateSettings(deps, asAdmin, { registrationsMode: "closed" });
    const closed = await api(
      instance,
      appToken,
      "POST",
      "/api/v1/accounts",
      { ...newcomer, reason: "hi" },
    );
    assert.equal(closed.status, 403);
    const after = await api(instance, null, "GET", "/api/v2/instance");
    assert.equal(after.body.registrations.enabled, false);

    // Each change is in the audit log, with who made it.
    const logged = await deps.sql<{ action: string; target_type: string }[]>`
      SELECT action, target_type FROM admin_action_logs
      WHERE account_id = ${admin.account.id} ORDER BY id`;
    assert.deepEqual(
      logged.map((l) => `${l.action} ${l.target_type}`),
      [
        "update Settings",
        "create Rule",
        "create Rule",
        "create TermsOfService",
        "destroy Rule",
        "update Settings",
      ],
    );

    // The audit log page's reading: by moderator, a page at a time, for view_audit_log.
    const firstPage = await readAuditLog(deps.sql, asModerator, {
      accountId: admin.account.id,
      limit: 4,
    });
    assert.deepEqual(
      firstPage.entries.map((e) => e.action),
      ["update", "destroy", "create", "create"],
    );
    assert.deepEqual(firstPage.moderators.map((m) => m.username), ["carla"]);
    const secondPage = await readAuditLog(deps.sql, asModerator, {
      accountId: admin.account.id,
      maxId: firstPage.entries[3].id,
      limit: 4,
    });
    assert.deepEqual(
      secondPage.entries.map((e) => `${e.action} ${e.human_identifier}`),
      ["create Be kind", `update ${firstSettings}`],
    );
    const asAlice = await loadActor(deps.sql, alice.user);
    await assert.rejects(
      readAuditLog(deps.sql, asAlice, { limit: 4 }),
      { kind: "forbidden" },
    );
  } finally {
    await instance.close();
  }
});
