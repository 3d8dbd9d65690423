/**
 * Rule: a username is only what Mastodon allows, so a handle always reads as what it is.
 * Locally, the server's own names can't be taken: `__instance__` and every name starting with
 * `_` are refused by the sign-up form, the API and the admin CLI; and the instance actor is not
 * identified by anything a user could be called, so even an account of that name (left from
 * before this rule) is an ordinary account, never the instance actor. Remotely, an actor whose
 * username has a second `@`, spaces, markup or invisible characters is not stored and nothing
 * it sends is. Bidi controls are stripped from display names and field names, remote and
 * local.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { FormClient } from "../helpers/forms.ts";
import { api, apiFetch, createUserWithToken } from "../helpers/users.ts";
import { appToken } from "../helpers/oauth.ts";
import { AS_CONTEXT, startFakePeer } from "../helpers/fake-peer.ts";
import { eventually } from "../federation/helpers.ts";
import { runAdminCommand } from "../../lib/admin/mod.ts";
import { DomainError } from "../../lib/domain/errors.ts";

const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
const AS = { accept: "application/activity+json" };
const INTERNAL_NAMES = ["__instance__", "__INSTANCE__", "_alice", "_"];

async function localAccountCount(instance: TestInstance, username: string) {
  const [row] = await instance.deps.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM accounts
    WHERE domain IS NULL AND lower(username) = lower(${username})`;
  return row.n;
}

Deno.test({
  name:
    "__instance__ and names starting with _ can't be registered by form, API or admin CLI",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const browser = new FormClient(instance.origin);
      const token = await appToken(instance, "read write");
      for (const username of INTERNAL_NAMES) {
        const form = await browser.page("/auth/sign_up");
        const posted = await browser.post("/auth/sign_up", {
          _csrf: form.csrf,
          username,
          email: `form${username}@example.com`,
          password: "a good password",
          password_confirmation: "a good password",
        });
        assert.equal(posted.status, 422, `form: ${username}`);
        assert.match(await posted.text(), /Username can(&#39;|')t start/);

        const viaApi = await api(instance, token, "POST", "/api/v1/accounts", {
          username,
          email: `api${username}@example.com`,
          password: "a good password",
          agreement: true,
        });
        assert.equal(viaApi.status, 422, `API: ${username}`);
        assert.match(
          viaApi.body.error,
          /Username can't start with an underscore/,
        );

        await assert.rejects(
          runAdminCommand(instance.deps, [
            "accounts",
            "create",
            username,
            "--email",
            `cli${username}@example.com`,
          ], { out() {} }),
          (e) => e instanceof DomainError && /underscore/.test(e.message),
          `admin CLI: ${username}`,
        );
        assert.equal(await localAccountCount(instance, username), 0, username);
      }
      // An underscore elsewhere is fine, as on Mastodon.
      const ok = await api(instance, token, "POST", "/api/v1/accounts", {
        username: "alice_b_",
        email: "alice@example.com",
        password: "a good password",
        agreement: true,
      });
      assert.equal(ok.status, 200);
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "an account named __instance__ from before the rule is an ordinary account, never the instance actor",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const origin = instance.origin;
      const host = new URL(origin).host;
      const legacy = await createUserWithToken(instance, "legacy");
      await instance.deps.sql`
        UPDATE accounts SET username = '__instance__' WHERE id = ${legacy.account.id}`;
      const own = `${origin}/users/__instance__`;

      // The instance actor is still the server's Application…
      const actor = await (await instance.fetch("/actor", { headers: AS }))
        .json();
      assert.equal(actor.type, "Application");
      assert.equal(actor.id, `${origin}/actor`);
      assert.equal(actor.preferredUsername, host);
      // …and the user's actor is theirs, at their own URL, with their own key.
      const person = await (await instance.fetch("/users/__instance__", {
        headers: AS,
      })).json();
      assert.equal(person.type, "Person");
      assert.equal(person.id, own);
      assert.notEqual(
        person.publicKey.publicKeyPem,
        actor.publicKey.publicKeyPem,
      );

      // WebFinger for the name points at the user, not at the instance actor.
      const jrd = await (await instance.fetch(
        `/.well-known/webfinger?resource=acct:__instance__@${host}`,
      )).json();
      const self = jrd.links.find((l: { rel: string }) => l.rel === "self");
      assert.equal(self.href, own);

      // Their posts are theirs.
      const posted = await api(
        instance,
        legacy.token,
        "POST",
        "/api/v1/statuses",
        {
          status: "who am I?",
        },
      );
      assert.equal(posted.status, 200);
      const note = await (await fetch(posted.body.uri, { headers: AS })).json();
      assert.equal(note.attributedTo, own);

      // A peer following the instance actor does not follow the user.
      const mallory = await peer.actor("mallory");
      const bob = await peer.actor("bob");
      for (
        const [who, object] of [[mallory, `${origin}/actor`], [
          bob,
          own,
        ]] as const
      ) {
        const res = await peer.deliver(who, `${origin}/inbox`, {
          "@context": AS_CONTEXT,
          id: `${who.id}#follow`,
          type: "Follow",
          actor: who.id,
          object,
        });
        assert.equal(res.status, 202);
        await res.body?.cancel();
      }
      const followers = async () =>
        (await instance.deps.sql<{ uri: string }[]>`
          SELECT a.uri FROM follows f JOIN accounts a ON a.id = f.account_id
          WHERE f.target_account_id = ${legacy.account.id}`).map((r) => r.uri);
      await eventually(
        "bob's follow",
        async () => (await followers()).includes(bob.id) || undefined,
      );
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(await followers(), [bob.id]);
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a remote actor with a spoofing username is not stored, nor is what it sends",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const peerHost = new URL(peer.origin).host;
      const spoofs = [
        `alice@localhost:8550\u202e <b>x`,
        "alice@evil",
        "al ice",
        "<b>alice</b>",
        "alice\u202e",
        ".alice",
        "alice-",
      ];
      for (const [i, username] of spoofs.entries()) {
        const actor = await peer.actor(`spoof${i}`);
        const doc = await (await fetch(actor.id)).json();
        peer.put(`/users/spoof${i}`, { ...doc, preferredUsername: username });
        const id = `${peer.origin}/notes/spoof${i}`;
        const res = await peer.deliver(actor, `${instance.origin}/inbox`, {
          "@context": AS_CONTEXT,
          id: `${id}#create`,
          type: "Create",
          actor: actor.id,
          to: [PUBLIC],
          object: {
            id,
            type: "Note",
            attributedTo: actor.id,
            to: [PUBLIC],
            content: "<p>spoofed</p>",
          },
        });
        assert.ok(res.status < 500, `${res.status}`);
        await res.body?.cancel();
      }
      // A well-named actor delivered last shows the inbox has got this far.
      const fine = await peer.actor("first.last-name");
      const doc = await (await fetch(fine.id)).json();
      peer.put("/users/first.last-name", {
        ...doc,
        name: "Fine\u202e\u2066 Name\u200f",
        "@context": [...AS_CONTEXT, {
          PropertyValue: "schema:PropertyValue",
          value: "schema:value",
          schema: "http://schema.org#",
        }],
        attachment: [{
          type: "PropertyValue",
          name: "site\u202e",
          value: "x",
        }],
      });
      const res = await peer.deliver(fine, `${instance.origin}/inbox`, {
        "@context": AS_CONTEXT,
        id: `${peer.origin}/notes/fine#create`,
        type: "Create",
        actor: fine.id,
        to: [PUBLIC],
        object: {
          id: `${peer.origin}/notes/fine`,
          type: "Note",
          attributedTo: fine.id,
          to: [PUBLIC],
          content: "<p>fine</p>",
        },
      });
      assert.equal(res.status, 202);
      await res.body?.cancel();
      const [row] = await eventually("the fine note", async () => {
        const rows = await instance.deps.sql<{ id: string }[]>`
          SELECT id FROM statuses WHERE uri = ${`${peer.origin}/notes/fine`}`;
        return rows.length ? rows : undefined;
      });
      await new Promise((r) => setTimeout(r, 500));

      const stored = await instance.deps.sql<{ username: string }[]>`
        SELECT username FROM accounts WHERE domain IS NOT NULL`;
      assert.deepEqual(stored.map((a) => a.username), ["first.last-name"]);
      const [{ n }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM statuses WHERE content LIKE '%spoofed%'`;
      assert.equal(n, 0, "nothing the spoofing actors sent is stored");

      const json = await (await apiFetch(
        instance,
        alice.token,
        `/api/v1/statuses/${row.id}`,
      )).json();
      assert.equal(json.account.acct, `first.last-name@${peerHost}`);
      assert.equal(json.account.display_name, "Fine Name");
      assert.deepEqual(
        json.account.fields.map((f: { name: string }) => f.name),
        ["site"],
      );
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a local user's display name and field names lose bidi controls that could reorder a handle",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const mallory = await createUserWithToken(instance, "mallory");
      const updated = await api(
        instance,
        mallory.token,
        "PATCH",
        "/api/v1/accounts/update_credentials",
        {
          display_name: "\u202eecila\u202c @alice\u2066",
          fields_attributes: { "0": { name: "\u200fsite\u061c", value: "x" } },
        },
      );
      assert.equal(updated.status, 200);
      assert.equal(updated.body.display_name, "ecila @alice");
      assert.deepEqual(
        updated.body.fields.map((f: { name: string }) => f.name),
        ["site"],
      );
    } finally {
      await instance.close();
    }
  },
});
