/**
 * The "new account limits" spam policy: an Admin sets it at /admin/spam_limits (a form, CSRF,
 * audited; a Moderator without manage_settings is refused); then a mention from an account
 * younger than the limit that nobody here follows reaches the mentioned user as a
 * notification request, not a notification, while one from a new account a local user follows
 * still arrives; with the limit off, mentions arrive as before.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { api, createUserWithToken, follow } from "../helpers/users.ts";
import { signedInClient } from "../helpers/forms.ts";
import { createStaff } from "./helpers.ts";

async function mentionsOf(instance: TestInstance, token: string) {
  const res = await api(
    instance,
    token,
    "GET",
    "/api/v1/notifications?types[]=mention",
  );
  return res.body.map((n: { account: { username: string } }) =>
    n.account.username
  ).sort();
}

Deno.test({
  name:
    "new account limits: mentions from new accounts nobody follows become notification requests",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const instance = await startTestInstance();
    try {
      await createStaff(instance, "boss", "admin");
      await createStaff(instance, "modder", "moderator");
      const alice = await createUserWithToken(instance, "alice");
      const carol = await createUserWithToken(instance, "carol");
      const early = await createUserWithToken(instance, "early");
      const spammer = await createUserWithToken(instance, "spammer");
      const friend = await createUserWithToken(instance, "friend");
      await follow(instance, carol, friend);
      const mention = (author: { token: string }, text: string) =>
        api(instance, author.token, "POST", "/api/v1/statuses", {
          status: `@alice ${text}`,
        });

      // Off (the default): a new account's mention arrives.
      await mention(early, "hello");
      assert.deepEqual(await mentionsOf(instance, alice.token), ["early"]);

      // A Moderator can't turn it on; an Admin can.
      const modWeb = await signedInClient(instance.origin, "modder");
      let form = await modWeb.page("/admin/spam_limits");
      assert.equal(form.status, 403);
      const web = await signedInClient(instance.origin, "boss");
      form = await web.page("/admin/spam_limits");
      assert.equal(form.status, 200);
      const bad = await web.post("/admin/spam_limits", {
        _csrf: form.csrf,
        new_account_days: "-3",
      });
      assert.equal(bad.status, 422);
      await bad.body?.cancel();
      const saved = await web.post("/admin/spam_limits", {
        _csrf: form.csrf,
        new_account_days: "7",
      });
      assert.equal(saved.status, 303);
      assert.match((await web.page("/admin/spam_limits")).html, /value="7"/);

      await mention(spammer, "buy my stuff");
      await mention(friend, "coffee?");
      assert.deepEqual(await mentionsOf(instance, alice.token), [
        "early",
        "friend",
      ]);
      const requests = await api(
        instance,
        alice.token,
        "GET",
        "/api/v1/notifications/requests",
      );
      assert.deepEqual(
        requests.body.map((r: { account: { username: string } }) =>
          r.account.username
        ),
        ["spammer"],
      );

      const [logged] = await instance.deps.sql<{ human_identifier: string }[]>`
        SELECT human_identifier FROM admin_action_logs WHERE target_type = 'SpamLimits'`;
      assert.equal(logged.human_identifier, "new_account_days=7");
    } finally {
      await instance.close();
    }
  },
});
