/**
 * What the sign-up blocks do to people signing up (the addresses come through loopback, a
 * trusted proxy, as X-Forwarded-For):
 * - an address on a blocked e-mail domain, on a subdomain of it, or on a domain whose mail
 *   goes to a blocked host (MX) is refused, in the API (ERR_BLOCKED) and on the web form, and
 *   counted in the block's history; a resolver that never answers doesn't hang the sign-up;
 * - `sign_up_block` refuses sign-ups from the range; an expired block doesn't;
 * - `sign_up_requires_approval` sends the account to the pending queue with open
 *   registrations, with the reason it gave;
 * - `no_access` answers every page and API request from the range with 403;
 * - after `foobar@gmail.com` is blocked, `Foo.Bar+x@gmail.com` can't sign up; a suspension
 *   with `block_email` blocks the suspended user's address, and lifting it lifts the block;
 * - an `invite_code` opens closed registrations through the API for its number of uses, and
 *   the account says who invited it; an IP rule asking for approval still applies.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { appToken } from "../helpers/oauth.ts";
import { FormClient } from "../helpers/forms.ts";
import { createStaff, signUpThroughApi } from "./helpers.ts";
import { createInvite, loadActor } from "../../lib/moderation/mod.ts";

const MX: Record<string, string[]> = {
  "customer.test": ["mx1.mail.spam.example."],
};

Deno.test({
  name:
    "e-mail domain blocks refuse the domain, its subdomains and its MX hosts",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const instance = await startTestInstance({
      // "slow.test" plays a DNS server that never answers.
      resolveMx: (domain) =>
        domain === "slow.test"
          ? new Promise(() => {})
          : Promise.resolve(MX[domain] ?? []),
    });
    try {
      const admin = await createStaff(instance, "boss", "admin");
      const block = await api(
        instance,
        admin.token,
        "POST",
        "/api/v1/admin/email_domain_blocks",
        { domain: "spam.example" },
      );
      const app = await appToken(instance);
      for (
        const [username, email] of [
          ["direct", "someone@spam.example"],
          ["subdomain", "someone@eu.spam.example"],
          ["mx", "someone@customer.test"],
        ]
      ) {
        const res = await signUpThroughApi(instance, app, { username, email });
        assert.equal(res.status, 422, `${email}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.details.email[0].error, "ERR_BLOCKED");
        assert.match(res.body.error, /disallowed e-mail provider/);
      }
      for (
        const [username, email] of [
          ["fine", "someone@notspam.example"],
          ["slow", "someone@slow.test"],
        ]
      ) {
        const res = await signUpThroughApi(instance, app, { username, email });
        assert.equal(res.status, 200, `${email}: ${JSON.stringify(res.body)}`);
      }

      const web = new FormClient(instance.origin);
      const { csrf } = await web.page("/auth/sign_up");
      const refused = await web.post("/auth/sign_up", {
        _csrf: csrf,
        username: "webby",
        email: "webby@spam.example",
        password: "a good password",
        password_confirmation: "a good password",
      });
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /disallowed e-mail provider/);

      const shown = await api(
        instance,
        admin.token,
        "GET",
        `/api/v1/admin/email_domain_blocks/${block.body.id}`,
      );
      const today = shown.body.history[0];
      assert.equal(today.accounts, "4");
      assert.equal(
        Number(today.day),
        Math.floor(new Date().setUTCHours(0, 0, 0, 0) / 1000),
      );
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "IP blocks: sign_up_block refuses, requires_approval queues, no_access answers 403, expired ones don't count",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const instance = await startTestInstance({
      env: { REGISTRATIONS: "open" },
    });
    try {
      const admin = await createStaff(instance, "boss", "admin");
      const block = (body: Record<string, unknown>) =>
        api(instance, admin.token, "POST", "/api/v1/admin/ip_blocks", body);
      assert.equal(
        (await block({ ip: "198.51.100.0/24", severity: "sign_up_block" }))
          .status,
        200,
      );
      await block({
        ip: "203.0.113.0/24",
        severity: "sign_up_requires_approval",
      });
      await block({ ip: "100.64.0.0/10", severity: "no_access" });
      await block({ ip: "192.0.2.0/24", severity: "sign_up_block" });
      // Expired an hour ago (the API only makes future expiries).
      await instance.deps.sql`
        UPDATE ip_blocks SET expires_at = now() - interval '1 hour'
        WHERE ip = '192.0.2.0/24'`;

      const app = await appToken(instance);
      let res = await signUpThroughApi(instance, app, {
        username: "blocked",
        email: "blocked@example.net",
      }, "198.51.100.23");
      assert.equal(res.status, 403, JSON.stringify(res.body));
      assert.ok(res.body.error);
      res = await signUpThroughApi(instance, app, {
        username: "expired",
        email: "expired@example.net",
      }, "192.0.2.8");
      assert.equal(res.status, 200, "an expired block is ignored");

      res = await signUpThroughApi(instance, app, {
        username: "queued",
        email: "queued@example.net",
        reason: "I run the local bakery",
      }, "203.0.113.40");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const me = await api(
        instance,
        res.body.access_token,
        "GET",
        "/api/v1/accounts/verify_credentials",
      );
      assert.equal(me.status, 403, "a pending account's token waits");
      const pending = await api(
        instance,
        admin.token,
        "GET",
        "/api/v2/admin/accounts?status=pending",
      );
      assert.deepEqual(
        pending.body.map((a: { username: string }) => a.username),
        ["queued"],
      );
      assert.equal(pending.body[0].invite_request, "I run the local bakery");
      assert.equal(pending.body[0].ip, "203.0.113.40", "where it signed up");
      const byIp = await api(
        instance,
        admin.token,
        "GET",
        "/api/v2/admin/accounts?ip=203.0.113.40",
      );
      assert.deepEqual(
        byIp.body.map((a: { username: string }) => a.username),
        ["queued"],
      );
      assert.equal(pending.body[0].approved, false);

      // The web form asks for the reason when the address needs approval.
      const form = await instance.fetch("/auth/sign_up", {
        headers: { "x-forwarded-for": "203.0.113.41" },
      });
      assert.match(await form.text(), /Why do you want to join\?/);

      for (const path of ["/auth/sign_in", "/api/v1/instance", "/@boss"]) {
        const denied = await instance.fetch(path, {
          headers: { "x-forwarded-for": "100.64.3.4" },
        });
        assert.equal(denied.status, 403, path);
        if (path.startsWith("/api/")) {
          assert.deepEqual(await denied.json(), {
            error: "This action is not allowed",
          });
        } else await denied.body?.cancel();
        const other = await instance.fetch(path, {
          headers: { "x-forwarded-for": "100.128.0.1" },
        });
        assert.equal(other.status, 200, path);
        await other.body?.cancel();
      }
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "canonical e-mail blocks refuse the same address written otherwise, also after a suspension",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const instance = await startTestInstance();
    try {
      const admin = await createStaff(instance, "boss", "admin");
      await api(
        instance,
        admin.token,
        "POST",
        "/api/v1/admin/canonical_email_blocks",
        { email: "foobar@gmail.com" },
      );
      const app = await appToken(instance);
      let res = await signUpThroughApi(instance, app, {
        username: "sneaky",
        email: "Foo.Bar+x@gmail.com",
      });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.details.email[0].error, "ERR_TAKEN");

      // Suspending with block_email blocks the user's address; unsuspending lifts it.
      const spammer = await createUserWithToken(instance, "spammer");
      await instance.deps.sql`
        UPDATE users SET email = 'spam.mer@example.org' WHERE id = ${spammer.user.id}`;
      res = await api(
        instance,
        admin.token,
        "POST",
        `/api/v1/admin/accounts/${spammer.account.id}/action`,
        { type: "suspend", block_email: true },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const tested = await api(
        instance,
        admin.token,
        "POST",
        "/api/v1/admin/canonical_email_blocks/test",
        { email: "spammer+2@example.org" },
      );
      assert.equal(tested.body.length, 1);
      res = await signUpThroughApi(instance, app, {
        username: "spammer2",
        email: "spammer+2@example.org",
      });
      assert.equal(res.status, 422);
      await api(
        instance,
        admin.token,
        "POST",
        `/api/v1/admin/accounts/${spammer.account.id}/unsuspend`,
      );
      res = await signUpThroughApi(instance, app, {
        username: "spammer2",
        email: "spammer+2@example.org",
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "an invite code opens closed registrations through the API; a used-up one is refused; an IP rule asking approval still holds",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const instance = await startTestInstance({
      env: { REGISTRATIONS: "closed" },
    });
    try {
      const admin = await createStaff(instance, "boss", "admin");
      const inviter = await createUserWithToken(instance, "inviter");
      const actor = await loadActor(instance.deps.sql, inviter.user);
      const invite = await createInvite(
        instance.deps.sql,
        actor,
        inviter.user.id,
        { maxUses: 2, expiresIn: 3600, autofollow: false },
      );
      const app = await appToken(instance);
      let res = await signUpThroughApi(instance, app, {
        username: "uninvited",
        email: "uninvited@example.net",
      });
      assert.equal(res.status, 403, "closed without an invite");
      res = await signUpThroughApi(instance, app, {
        username: "guest",
        email: "guest@example.net",
        invite_code: invite.code,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      await api(instance, admin.token, "POST", "/api/v1/admin/ip_blocks", {
        ip: "203.0.113.0/24",
        severity: "sign_up_requires_approval",
      });
      res = await signUpThroughApi(instance, app, {
        username: "guest2",
        email: "guest2@example.net",
        invite_code: invite.code,
      }, "203.0.113.5");
      assert.equal(res.status, 200, JSON.stringify(res.body));
      res = await signUpThroughApi(instance, app, {
        username: "guest3",
        email: "guest3@example.net",
        invite_code: invite.code,
      });
      assert.equal(res.status, 422, "both uses are spent");
      assert.equal(res.body.details.invite_code[0].error, "ERR_INVALID");

      const accounts = await api(
        instance,
        admin.token,
        "GET",
        "/api/v2/admin/accounts?origin=local&username=guest",
      );
      const byName = Object.fromEntries(
        accounts.body.map((
          a: { username: string; approved: boolean },
        ) => [a.username, a]),
      );
      assert.equal(byName.guest.approved, true);
      assert.equal(byName.guest.invited_by_account_id, inviter.account.id);
      assert.equal(byName.guest2.approved, false, "the IP rule still applies");
    } finally {
      await instance.close();
    }
  },
});
