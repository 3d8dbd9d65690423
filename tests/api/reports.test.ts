/**
 * POST /api/v1/reports: a user reports an account, optionally with some of its statuses, to the
 * moderators; the answer is Mastodon's Report entity. Refusals: an unknown account or status,
 * a status of someone else or one the reporter may not see (404, as for a missing one; the
 * visibility side is in tests/security/privacy-read-paths.test.ts), bad category, unknown rules,
 * an overlong comment (422), a token without `write:reports` (403). With `forward`, a report
 * about a remote account goes to its server as a Flag from our instance actor.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { startFakePeer } from "../helpers/fake-peer.ts";
import { eventually } from "../federation/helpers.ts";
import { resolveActorUri } from "../../lib/federation/remote-accounts.ts";

Deno.test({
  name: "a report is stored and answered as a Report entity; refusals",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const bob = await createUserWithToken(instance, "bob");
      const carol = await createUserWithToken(instance, "carol");
      const post = async (who: typeof bob, status: string) =>
        (await api(instance, who.token, "POST", "/api/v1/statuses", {
          status,
        })).body.id as string;
      const spam = await post(bob, "buy cheap things");
      const carols = await post(carol, "an innocent post");

      const filed = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/reports",
        {
          account_id: bob.account.id,
          status_ids: [spam],
          comment: "Spam <b>everywhere</b>",
          category: "spam",
          forward: true,
        },
      );
      assert.equal(filed.status, 200, JSON.stringify(filed.body));
      await assertResponseMatches("POST", "/api/v1/reports", 200, filed.body);
      assert.equal(filed.body.target_account.id, bob.account.id);
      assert.deepEqual(filed.body.status_ids, [spam]);
      assert.equal(filed.body.category, "spam");
      assert.equal(filed.body.comment, "Spam <b>everywhere</b>");
      assert.equal(filed.body.action_taken, false);
      assert.equal(
        filed.body.forwarded,
        false,
        "bob is local: nothing to forward",
      );
      const [row] = await instance.deps.sql<
        { account_id: string; target_account_id: string; comment: string }[]
      >`SELECT account_id, target_account_id, comment FROM reports WHERE id = ${filed.body.id}`;
      assert.equal(row.account_id, alice.account.id);
      assert.equal(row.target_account_id, bob.account.id);

      // Form encoding with `status_ids[]`, no category: `other`.
      const form = await instance.fetch("/api/v1/reports", {
        method: "POST",
        headers: {
          authorization: `Bearer ${alice.token}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams([
          ["account_id", bob.account.id],
          ["status_ids[]", spam],
        ]),
      });
      const formBody = await form.json();
      assert.equal(form.status, 200);
      assert.equal(formBody.category, "other");
      assert.deepEqual(formBody.status_ids, [spam]);

      const refusal = async (
        body: Record<string, unknown>,
        status: number,
        token = alice.token,
      ) => {
        const res = await api(instance, token, "POST", "/api/v1/reports", body);
        assert.equal(res.status, status, JSON.stringify([body, res.body]));
        assert.equal(typeof res.body.error, "string");
        return res.body;
      };
      const missing = await refusal({ account_id: "99999999" }, 404);
      await refusal({}, 422);
      assert.deepEqual(
        await refusal(
          { account_id: bob.account.id, status_ids: ["1234"] },
          404,
        ),
        missing,
      );
      assert.deepEqual(
        await refusal(
          { account_id: bob.account.id, status_ids: [carols] },
          404,
        ),
        missing,
        "someone else's status is not part of a report about bob",
      );
      await refusal({ account_id: bob.account.id, category: "rude" }, 422);
      await refusal({ account_id: bob.account.id, rule_ids: ["1"] }, 422);
      await refusal(
        { account_id: bob.account.id, comment: "x".repeat(1001) },
        422,
      );
      const reader = await createUserWithToken(instance, "reader", {
        scopes: "read",
      });
      await refusal({ account_id: bob.account.id }, 403, reader.token);
      await refusal({ account_id: bob.account.id }, 401, "not-a-token");
      const [{ count }] = await instance.deps.sql<{ count: number }[]>`
        SELECT count(*)::int AS count FROM reports`;
      assert.equal(count, 2, "refused reports are not stored");
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a forwarded report about a remote account reaches its server as a Flag from the instance actor",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    const received: Record<string, unknown>[] = [];
    const inbox = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      async (req) => {
        if (req.method === "POST") received.push(await req.json());
        else await req.body?.cancel();
        return new Response(null, { status: 202 });
      },
    );
    try {
      const alice = await createUserWithToken(instance, "alice");
      const spammer = await peer.actor("spammer", {
        inboxOrigin: `http://127.0.0.1:${inbox.addr.port}`,
      });
      const ctx = (await instance.deps.federation()).createContext(
        new URL(instance.origin),
        instance.deps,
      );
      const account = await resolveActorUri(ctx, spammer.id);
      assert.ok(account);
      const filed = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/reports",
        {
          account_id: account.id,
          comment: "spam from afar",
          forward: true,
        },
      );
      assert.equal(filed.status, 200, JSON.stringify(filed.body));
      assert.equal(filed.body.forwarded, true);
      await eventually(
        "the Flag arrives",
        () => Promise.resolve(received.some((a) => a.type === "Flag")),
      );
      const flag = received.find((a) => a.type === "Flag")!;
      assert.equal(flag.actor, `${instance.origin}/actor`);
      assert.deepEqual([flag.object].flat(), [spammer.id]);
      assert.equal(flag.content, "spam from afar");
      assert.ok(
        !JSON.stringify(flag).includes("alice"),
        "the reporter stays anonymous",
      );
    } finally {
      await inbox.shutdown();
      await peer.close();
      await instance.close();
    }
  },
});
