/**
 * Account actions, as a moderator takes them through the admin API
 * (POST /api/v1/admin/accounts/:id/action and the reversals), and what everyone else sees:
 * - suspend: the account's profile and posts are gone (web, API, ActivityPub) for everyone
 *   else (the API's Account says `suspended: true`, emptied, as Mastodon's does), its tokens stop working and its open stream is closed at once; unsuspend restores
 *   the profile and posts (tokens stay revoked: the user signs in again);
 * - silence: its posts leave the public and hashtag timelines of those who don't follow it; its followers
 *   still see them; its mentions of non-followers go to their notification requests;
 *   unsilence restores;
 * - sensitive: its posts are marked sensitive to others; unsensitive lifts it;
 * - disable: the user can't sign in (web) and its tokens end; enable restores sign-in;
 * - a report named in the action is resolved by it, and the user gets a warning they can
 *   appeal once; approving the appeal undoes the action;
 * - approve/reject pending sign-ups; deleting data only of a suspended account.
 * Refusals: nobody acts on a role at or above their own (403 with Mastodon's body); a
 * Moderator lacks manage_user_access (disable, approve) — 403; unknown account 404.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { api, createUserWithToken, follow } from "../helpers/users.ts";
import { FormClient } from "../helpers/forms.ts";
import { smallPng, upload } from "../media/helpers.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import { appeal, decideAppeal, loadActor } from "../../lib/moderation/mod.ts";
import { createStaff } from "./helpers.ts";

const FORBIDDEN = { error: "This action is not allowed" };

function testWith(
  name: string,
  fn: (instance: TestInstance) => Promise<void>,
  env?: Record<string, string>,
) {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const instance = await startTestInstance({ env });
      try {
        await fn(instance);
      } finally {
        await instance.close();
      }
    },
  });
}

async function publicIds(instance: TestInstance, token: string | null) {
  const res = await api(instance, token, "GET", "/api/v1/timelines/public");
  assert.equal(res.status, 200);
  return (res.body as { id: string }[]).map((s) => s.id);
}

async function status(instance: TestInstance, path: string, accept?: string) {
  const res = await instance.fetch(
    path,
    accept ? { headers: { accept } } : undefined,
  );
  await res.body?.cancel();
  return res.status;
}

/** A user's WebSocket stream; resolves `closed` when the server ends it. */
async function openStream(instance: TestInstance, token: string) {
  const ws = new WebSocket(
    `${
      instance.origin.replace("http", "ws")
    }/api/v1/streaming?stream=user&access_token=${token}`,
  );
  const closed = new Promise<void>((resolve) => ws.onclose = () => resolve());
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error("WebSocket refused"));
  });
  for (let i = 0; i < 50 && instance.deps.streams.size < 1; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  return { ws, closed };
}

async function signInStatus(instance: TestInstance, login: string) {
  const browser = new FormClient(instance.origin);
  const form = await browser.page("/auth/sign_in");
  const res = await browser.post("/auth/sign_in", {
    _csrf: form.csrf,
    login,
    password: "a good password",
    return_to: "/home",
  });
  await res.body?.cancel();
  return res.status;
}

testWith(
  "suspend: profile, posts and actor gone for everyone else, token and stream ended at once; unsuspend restores",
  async (instance) => {
    const admin = await createStaff(instance, "admin_ada", "admin");
    const tom = await createUserWithToken(instance, "tom");
    const bob = await createUserWithToken(instance, "bob");
    await follow(instance, bob, tom);
    const posted = await api(instance, tom.token, "POST", "/api/v1/statuses", {
      status: "hello from tom",
    });
    const postId = posted.body.id as string;
    const home = async () =>
      (await api(instance, bob.token, "GET", "/api/v1/timelines/home")).body
        .map((s: { id: string }) => s.id);
    const stream = await openStream(instance, tom.token);

    const res = await api(
      instance,
      admin.token,
      "POST",
      `/api/v1/admin/accounts/${tom.account.id}/action`,
      { type: "suspend", text: "Spam." },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, {});

    await stream.closed; // ended by the action's token.revoked event
    assert.equal(
      (await api(
        instance,
        tom.token,
        "GET",
        "/api/v1/accounts/verify_credentials",
      ))
        .status,
      401,
    );
    assert.equal(await status(instance, "/@tom"), 404);
    assert.equal(await status(instance, `/@tom/${postId}`), 404);
    // Over ActivityPub: the post is gone; the actor stays, emptied and marked `suspended`
    // (as Mastodon serves it, so peers can verify the Update that tells them).
    assert.equal(
      await status(
        instance,
        `/users/tom/statuses/${postId}`,
        "application/activity+json",
      ),
      404,
    );
    const actor = await (await instance.fetch("/users/tom", {
      headers: { accept: "application/activity+json" },
    })).json();
    assert.equal(actor.suspended, true);
    assert.equal(actor.name, "");
    for (const token of [bob.token, null]) {
      assert.equal(
        (await api(instance, token, "GET", `/api/v1/statuses/${postId}`))
          .status,
        404,
      );
      // As Mastodon: the account itself answers, marked suspended and emptied.
      const profile = await api(
        instance,
        token,
        "GET",
        `/api/v1/accounts/${tom.account.id}`,
      );
      assert.equal(profile.body.suspended, true);
      assert.equal(profile.body.statuses_count, 0);
      const statuses = await api(
        instance,
        token,
        "GET",
        `/api/v1/accounts/${tom.account.id}/statuses`,
      );
      // Its posts: refused outright (404), as profiles.ts does for a suspended account.
      assert.equal(statuses.status, 404);
      assert.ok(!(await publicIds(instance, token)).includes(postId));
    }
    // Signing in still works, to a session limited to the account status page
    // (limited-sign-in.test.ts).
    assert.equal(await signInStatus(instance, "tom"), 303);
    assert.ok(!(await home()).includes(postId), "gone from a follower's home");
    const view = await api(
      instance,
      admin.token,
      "GET",
      `/api/v1/admin/accounts/${tom.account.id}`,
    );
    assert.equal(view.body.suspended, true);
    const [logged] = await instance.deps.sql`
      SELECT action, target_type, account_id FROM admin_action_logs
      WHERE target_id = ${tom.account.id}`;
    assert.deepEqual(
      { ...logged },
      {
        action: "suspend",
        target_type: "Account",
        account_id: admin.account.id,
      },
    );

    const lifted = await api(
      instance,
      admin.token,
      "POST",
      `/api/v1/admin/accounts/${tom.account.id}/unsuspend`,
    );
    assert.equal(lifted.status, 200);
    assert.equal(lifted.body.suspended, false);
    assert.equal(await status(instance, "/@tom"), 200);
    assert.equal(
      (await api(instance, bob.token, "GET", `/api/v1/statuses/${postId}`))
        .status,
      200,
    );
    assert.ok((await publicIds(instance, null)).includes(postId));
    assert.ok((await home()).includes(postId), "back in the follower's home");
    assert.equal(await signInStatus(instance, "tom"), 303);
  },
);

testWith(
  "silence: off the public timeline for non-followers, still seen by followers; unsilence restores",
  async (instance) => {
    const moderator = await createStaff(instance, "mod_mia", "moderator");
    const sam = await createUserWithToken(instance, "sam");
    const fan = await createUserWithToken(instance, "fan");
    const stranger = await createUserWithToken(instance, "stranger");
    await follow(instance, fan, sam);
    const posted = await api(instance, sam.token, "POST", "/api/v1/statuses", {
      status: "loud post #shouting",
    });
    const postId = posted.body.id as string;

    const res = await api(
      instance,
      moderator.token,
      "POST",
      `/api/v1/admin/accounts/${sam.account.id}/action`,
      { type: "silence" },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(!(await publicIds(instance, stranger.token)).includes(postId));
    assert.ok(!(await publicIds(instance, null)).includes(postId));
    assert.ok((await publicIds(instance, fan.token)).includes(postId));
    assert.ok((await publicIds(instance, sam.token)).includes(postId));
    const tagged = async (token: string) =>
      (await api(instance, token, "GET", "/api/v1/timelines/tag/shouting"))
        .body.map((s: { id: string }) => s.id);
    assert.deepEqual(await tagged(stranger.token), []);
    assert.deepEqual(await tagged(fan.token), [postId]);
    const view = await api(
      instance,
      moderator.token,
      "GET",
      `/api/v1/admin/accounts/${sam.account.id}`,
    );
    assert.equal(view.body.silenced, true);
    // Its mentions reach followers; a stranger's go to notification requests (Mastodon's
    // default for limited accounts).
    await api(instance, sam.token, "POST", "/api/v1/statuses", {
      status: "hey @fan and @stranger",
    });
    const mentions = async (token: string) =>
      (await api(
        instance,
        token,
        "GET",
        "/api/v1/notifications?types[]=mention",
      ))
        .body.length;
    assert.equal(await mentions(fan.token), 1);
    assert.equal(await mentions(stranger.token), 0);
    const requests = await api(
      instance,
      stranger.token,
      "GET",
      "/api/v1/notifications/requests",
    );
    assert.deepEqual(
      requests.body.map((r: { account: { id: string } }) => r.account.id),
      [sam.account.id],
    );

    const lifted = await api(
      instance,
      moderator.token,
      "POST",
      `/api/v1/admin/accounts/${sam.account.id}/unsilence`,
    );
    assert.equal(lifted.body.silenced, false);
    assert.ok((await publicIds(instance, stranger.token)).includes(postId));
    assert.deepEqual(await tagged(stranger.token), [postId]);
  },
);

testWith(
  "sensitive: the account's posts are sensitive to others; unsensitive lifts it",
  async (instance) => {
    const moderator = await createStaff(instance, "mod_mia", "moderator");
    const pia = await createUserWithToken(instance, "pia");
    const bob = await createUserWithToken(instance, "bob");
    const uploaded = await upload(instance, pia.token, {
      bytes: await smallPng(),
      type: "image/png",
    });
    const media = await uploaded.json();
    assert.ok(uploaded.ok, JSON.stringify(media));
    const posted = await api(instance, pia.token, "POST", "/api/v1/statuses", {
      status: "a picture",
      media_ids: [media.id],
    });
    const path = `/api/v1/statuses/${posted.body.id}`;
    assert.equal(
      (await api(instance, bob.token, "GET", path)).body.sensitive,
      false,
    );

    await api(
      instance,
      moderator.token,
      "POST",
      `/api/v1/admin/accounts/${pia.account.id}/action`,
      { type: "sensitive" },
    );
    assert.equal(
      (await api(instance, bob.token, "GET", path)).body.sensitive,
      true,
    );
    assert.equal((await api(instance, null, "GET", path)).body.sensitive, true);
    const lifted = await api(
      instance,
      moderator.token,
      "POST",
      `/api/v1/admin/accounts/${pia.account.id}/unsensitive`,
    );
    assert.equal(lifted.body.sensitized, false);
    assert.equal(
      (await api(instance, bob.token, "GET", path)).body.sensitive,
      false,
    );
  },
);

testWith(
  "disable: sign-in refused and tokens ended; enable lets the user sign in again",
  async (instance) => {
    const admin = await createStaff(instance, "admin_ada", "admin");
    const moderator = await createStaff(instance, "mod_mia", "moderator");
    const dan = await createUserWithToken(instance, "dan");
    const path = `/api/v1/admin/accounts/${dan.account.id}`;

    // Disabling is manage_user_access, which Moderators don't hold.
    const refused = await api(
      instance,
      moderator.token,
      "POST",
      `${path}/action`,
      {
        type: "disable",
      },
    );
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.body, FORBIDDEN);

    const res = await api(instance, admin.token, "POST", `${path}/action`, {
      type: "disable",
    });
    assert.equal(res.status, 200);
    assert.equal(
      (await api(
        instance,
        dan.token,
        "GET",
        "/api/v1/accounts/verify_credentials",
      ))
        .status,
      401,
    );
    assert.equal(await signInStatus(instance, "dan"), 403);
    assert.equal(
      (await api(instance, admin.token, "GET", path)).body.disabled,
      true,
    );

    const enabled = await api(instance, admin.token, "POST", `${path}/enable`);
    assert.equal(enabled.body.disabled, false);
    assert.equal(await signInStatus(instance, "dan"), 303);
  },
);

testWith(
  "roles: nobody acts on a role at or above their own; unknown accounts are 404",
  async (instance) => {
    const moderator = await createStaff(instance, "mod_mia", "moderator");
    const other = await createStaff(instance, "mod_max", "moderator");
    const admin = await createStaff(instance, "admin_ada", "admin");
    const user = await createUserWithToken(instance, "plain", {
      scopes: "read write admin:read admin:write",
    });
    for (const target of [admin, other, moderator]) {
      const res = await api(
        instance,
        moderator.token,
        "POST",
        `/api/v1/admin/accounts/${target.account.id}/action`,
        { type: "suspend" },
      );
      assert.equal(res.status, 403, target.account.username);
      assert.deepEqual(res.body, FORBIDDEN);
    }
    const [{ n }] = await instance.deps.sql`
      SELECT count(*)::int AS n FROM accounts WHERE suspended_at IS NOT NULL`;
    assert.equal(n, 0);
    // A user without a role may do nothing.
    const byUser = await api(
      instance,
      user.token,
      "POST",
      `/api/v1/admin/accounts/${moderator.account.id}/action`,
      { type: "none" },
    );
    assert.equal(byUser.status, 403);
    const unknown = await api(
      instance,
      admin.token,
      "POST",
      "/api/v1/admin/accounts/123456789/action",
      { type: "silence" },
    );
    assert.equal(unknown.status, 404);
    // The admin may act on the moderator below them.
    const ok = await api(
      instance,
      admin.token,
      "POST",
      `/api/v1/admin/accounts/${moderator.account.id}/action`,
      { type: "silence" },
    );
    assert.equal(ok.status, 200);
  },
);

testWith(
  "a report named in the action is resolved by it; the warning cites it and may be appealed once; approval undoes the action",
  async (instance) => {
    const admin = await createStaff(instance, "admin_ada", "admin");
    const rita = await createUserWithToken(instance, "rita");
    const tom = await createUserWithToken(instance, "tom");
    const posted = await api(instance, tom.token, "POST", "/api/v1/statuses", {
      status: "rude",
    });
    const filed = await api(instance, rita.token, "POST", "/api/v1/reports", {
      account_id: tom.account.id,
      status_ids: [posted.body.id],
      category: "other",
    });
    const res = await api(
      instance,
      admin.token,
      "POST",
      `/api/v1/admin/accounts/${tom.account.id}/action`,
      { type: "silence", report_id: filed.body.id, text: "Be nice." },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const report = await api(
      instance,
      admin.token,
      "GET",
      `/api/v1/admin/reports/${filed.body.id}`,
    );
    assert.equal(report.body.action_taken, true);
    assert.equal(report.body.action_taken_by_account.id, admin.account.id);

    const [warning] = await instance.deps.sql`
      SELECT * FROM account_warnings WHERE target_account_id = ${tom.account.id}`;
    assert.equal(warning.action, "silence");
    assert.equal(warning.text, "Be nice.");
    assert.equal(String(warning.report_id), filed.body.id);
    assert.deepEqual(warning.status_ids.map(String), [posted.body.id]);

    const deps = instance.deps;
    await appeal(deps, tom.account.id, String(warning.id), "I was provoked.");
    await assert.rejects(
      appeal(deps, tom.account.id, String(warning.id), "Again."),
      /already been appealed/,
    );
    // Another user's warning is not theirs to appeal.
    await assert.rejects(
      appeal(deps, rita.account.id, String(warning.id), "Me too."),
      /not found/,
    );
    const [row] = await deps.sql`SELECT id FROM appeals`;
    const actor = await loadActor(deps.sql, admin.user);
    await decideAppeal(deps, actor, String(row.id), true);
    const view = await api(
      instance,
      admin.token,
      "GET",
      `/api/v1/admin/accounts/${tom.account.id}`,
    );
    assert.equal(view.body.silenced, false, "approving the appeal lifts it");
  },
);

testWith(
  "approve and reject pending sign-ups; data is deleted only once suspended",
  async (instance) => {
    const admin = await createStaff(instance, "admin_ada", "admin");
    const pending = [];
    for (const username of ["newbie", "spammer"]) {
      pending.push(
        await signUp(instance.deps.sql, {
          username,
          email: `${username}@example.com`,
          password: "a good password",
          reason: "hi",
        }, { registrations: "approval" }),
      );
    }
    const [newbie, spammer] = pending;
    const listed = await api(
      instance,
      admin.token,
      "GET",
      "/api/v2/admin/accounts?status=pending",
    );
    assert.deepEqual(
      listed.body.map((a: { username: string }) => a.username).sort(),
      ["newbie", "spammer"],
    );
    const approved = await api(
      instance,
      admin.token,
      "POST",
      `/api/v1/admin/accounts/${newbie.account.id}/approve`,
    );
    assert.equal(approved.status, 200);
    assert.equal(approved.body.approved, true);
    assert.equal(await signInStatus(instance, "newbie"), 303);
    const again = await api(
      instance,
      admin.token,
      "POST",
      `/api/v1/admin/accounts/${newbie.account.id}/reject`,
    );
    assert.equal(again.status, 403, "only pending sign-ups are rejected");

    const rejected = await api(
      instance,
      admin.token,
      "POST",
      `/api/v1/admin/accounts/${spammer.account.id}/reject`,
    );
    assert.equal(rejected.status, 200);
    assert.equal(
      (await api(
        instance,
        admin.token,
        "GET",
        `/api/v1/admin/accounts/${spammer.account.id}`,
      ))
        .status,
      404,
    );

    const path = `/api/v1/admin/accounts/${newbie.account.id}`;
    assert.equal(
      (await api(instance, admin.token, "DELETE", path)).status,
      403,
    );
    await api(instance, admin.token, "POST", `${path}/action`, {
      type: "suspend",
    });
    const deleted = await api(instance, admin.token, "DELETE", path);
    assert.equal(deleted.status, 200);
    assert.equal((await api(instance, admin.token, "GET", path)).status, 404);
  },
);

testWith(
  "GET /api/v2/admin/accounts filters by status silenced/suspended, e-mail, display name and role",
  async (instance) => {
    const admin = await createStaff(instance, "admin_ada", "admin");
    const moderator = await createStaff(instance, "mod_mia", "moderator");
    const sam = await createUserWithToken(instance, "sam");
    const tom = await createUserWithToken(instance, "tom");
    await api(
      instance,
      sam.token,
      "PATCH",
      "/api/v1/accounts/update_credentials",
      {
        display_name: "Samwise Gamgee",
      },
    );
    for (const [who, type] of [[sam, "silence"], [tom, "suspend"]] as const) {
      await api(
        instance,
        admin.token,
        "POST",
        `/api/v1/admin/accounts/${who.account.id}/action`,
        { type },
      );
    }
    const names = async (query: string) =>
      (await api(
        instance,
        admin.token,
        "GET",
        `/api/v2/admin/accounts?${query}`,
      ))
        .body.map((a: { username: string }) => a.username).sort();
    assert.deepEqual(await names("status=silenced"), ["sam"]);
    assert.deepEqual(await names("status=suspended"), ["tom"]);
    assert.deepEqual(await names("email=TOM@example"), ["tom"]);
    assert.deepEqual(await names("display_name=gamgee"), ["sam"]);
    assert.deepEqual(await names("role_ids[]=1"), [moderator.account.username]);
  },
);
