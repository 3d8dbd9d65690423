/**
 * E-mail to staff (Mastodon's AdminMailer) through a real SMTP server on loopback, each sent
 * as a `mail.send` job: a new report to those who manage reports, a sign-up waiting for
 * approval to those who manage users (with the newcomer's reason), a new appeal to those who
 * decide appeals. The preferences page offers each staff mail to the roles that get it (and
 * not to other users); one turned off there is not sent.
 */
import assert from "node:assert/strict";
import { signedInClient } from "../helpers/forms.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { mailQueueSettled, withMailInstance } from "../helpers/smtp.ts";
import { createStaff } from "./helpers.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import { appeal } from "../../lib/moderation/mod.ts";

Deno.test({
  name:
    "staff e-mails: new report, pending sign-up and appeal reach the staff who handle them, unless turned off",
  sanitizeOps: false,
  sanitizeResources: false,
}, () =>
  withMailInstance(async (instance, mailbox) => {
    const { deps } = instance;
    const admin = await createStaff(instance, "ada", "admin");
    await createStaff(instance, "mo", "moderator");
    const rita = await createUserWithToken(instance, "rita");
    const tom = await createUserWithToken(instance, "tom");

    // The moderator turns report mails off; a plain user isn't offered staff mails at all.
    const asMo = await signedInClient(instance.origin, "mo");
    const preferences = await asMo.page("/settings/preferences");
    assert.match(preferences.html, /new reports \(moderators\)/);
    assert.match(preferences.html, /accounts waiting for approval/);
    // A Moderator doesn't decide appeals (Mastodon's built-in role): not offered.
    assert.doesNotMatch(preferences.html, /new appeals/);
    const saved = await asMo.post("/settings/preferences", {
      _csrf: preferences.csrf,
      form: "notification_emails",
      follow: "on",
      mention: "on",
      pending_account: "on",
    });
    assert.equal(saved.status, 303);
    await saved.body?.cancel();
    const asRita = await signedInClient(instance.origin, "rita");
    assert.doesNotMatch(
      (await asRita.page("/settings/preferences")).html,
      /moderators/,
    );

    // A report.
    const filed = await api(instance, rita.token, "POST", "/api/v1/reports", {
      account_id: tom.account.id,
      comment: "spam",
    });
    assert.equal(filed.status, 200, JSON.stringify(filed.body));
    const report = await mailbox.waitFor("ada@example.com", /New report/);
    assert.match(report.text ?? "", /@rita filed a report/);
    assert.ok(
      (report.text ?? "").includes(
        `${instance.origin}/admin/reports/${filed.body.id}`,
      ),
    );

    // A sign-up waiting for approval, and one that doesn't wait (no mail for it).
    for (
      const [username, registrations] of [["newbie", "approval"], [
        "opener",
        "open",
      ]] as const
    ) {
      await signUp(deps.sql, {
        username,
        email: `${username}@example.com`,
        password: "a good password",
        reason: "I like birds",
      }, { registrations, effects: deps.effects });
    }
    for (const staff of ["ada", "mo"]) {
      const pending = await mailbox.waitFor(
        `${staff}@example.com`,
        /waiting for review/,
      );
      assert.match(pending.text ?? "", /@newbie signed up/);
      assert.match(pending.text ?? "", /I like birds/);
      assert.ok(
        (pending.text ?? "").includes(
          `${instance.origin}/admin/accounts/pending`,
        ),
      );
    }

    // An appeal of a warning.
    const warned = await api(
      instance,
      admin.token,
      "POST",
      `/api/v1/admin/accounts/${tom.account.id}/action`,
      { type: "none", text: "Please stop." },
    );
    assert.equal(warned.status, 200, JSON.stringify(warned.body));
    const [warning] = await deps.sql<{ id: string }[]>`
      SELECT id::text FROM account_warnings WHERE target_account_id = ${tom.account.id}`;
    await appeal(deps, tom.account.id, warning.id, "It was a joke.");
    const appealed = await mailbox.waitFor("ada@example.com", /New appeal/);
    assert.match(appealed.text ?? "", /@tom appealed/);
    assert.match(appealed.text ?? "", /It was a joke\./);

    await mailQueueSettled(instance);
    const left = mailbox.received.map((m) =>
      `${(m.to && "text" in m.to) ? m.to.text : ""}: ${m.subject}`
    );
    assert.ok(
      !left.some((line) => /mo@example\.com: New report/.test(line)),
      `the moderator turned report mails off: ${left.join("; ")}`,
    );
    assert.ok(!left.some((line) => /mo@example\.com: New appeal/.test(line)));
    assert.ok(
      !left.some((line) => /opener/.test(line)),
      "an open sign-up mails nobody",
    );
    assert.ok(
      !left.some((line) =>
        /^(rita|tom)@.*(New report|waiting|New appeal)/.test(line)
      ),
      "users without a staff role get no staff mail",
    );
  }));
