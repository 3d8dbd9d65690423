/**
 * Federation policies (issue 16), the rules:
 * - a block covers its domain and every subdomain; the most specific block wins; `noop` only
 *   carries its flags, `silence` limits, `suspend` refuses everything;
 * - in allowlist mode (`LIMITED_FEDERATION=true`) only allowed domains federate;
 * - a delivery from a suspended domain is refused with 403 before any key is fetched (the peer
 *   serving the key sees no request), and nothing is stored;
 * - an activity queued before the block was added stores nothing when it is processed;
 * - a suspended remote account is refused like a suspended domain;
 * - nothing is fetched from a suspended domain;
 * - Flags from a domain whose reports are rejected are ignored;
 * - only `manage_federation` may change blocks, and every change is in the audit log.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import {
  AS_CONTEXT,
  type FakeActor,
  type FakePeer,
  startFakePeer,
} from "../helpers/fake-peer.ts";
import { eventually } from "../federation/helpers.ts";
import { listenFederationQueue } from "../../lib/federation/lazy.ts";
import { createStaff } from "./helpers.ts";
import {
  type Actor,
  createDomainAllow,
  createDomainBlock,
  type DomainBlockInput,
  federationPolicy,
  loadActor,
} from "../../lib/moderation/mod.ts";

const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

function createNote(actor: FakeActor, id: string) {
  return {
    "@context": AS_CONTEXT,
    id: `${id}#create`,
    type: "Create",
    actor: actor.id,
    to: [PUBLIC],
    object: {
      id,
      type: "Note",
      attributedTo: actor.id,
      content: "<p>hello</p>",
      to: [PUBLIC],
      published: new Date().toISOString(),
    },
  };
}

async function statusCount(instance: TestInstance, uri: string) {
  const [{ n }] = await instance.deps.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM statuses WHERE uri = ${uri}`;
  return n;
}

async function admin(instance: TestInstance): Promise<Actor> {
  const staff = await createStaff(instance, "boss", "admin");
  return await loadActor(instance.deps.sql, staff.user);
}

async function block(
  instance: TestInstance,
  actor: Actor,
  domain: string,
  input: DomainBlockInput = { severity: "suspend" },
) {
  return await createDomainBlock(instance.deps, actor, domain, input);
}

function hostOf(peer: FakePeer) {
  return new URL(peer.origin).host;
}

Deno.test({
  name:
    "a block covers its subdomains, the most specific wins, and noop only carries its flags",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const mod = await admin(instance);
      await block(instance, mod, "Example.COM", { severity: "suspend" });
      await block(instance, mod, "ok.example.com", {
        severity: "noop",
        reject_media: true,
      });
      await block(instance, mod, "quiet.test", { severity: "silence" });
      const policy = await federationPolicy(instance.deps);
      assert.equal(policy.isRefused("example.com"), true);
      assert.equal(policy.isRefused("a.b.example.com"), true);
      assert.equal(policy.isRefused("a.b.example.com:8443"), true);
      assert.equal(policy.isRefused("notexample.com"), false);
      assert.equal(policy.isRefused("ok.example.com"), false, "more specific");
      assert.equal(policy.rejectsMedia("ok.example.com"), true);
      assert.equal(policy.isSilenced("ok.example.com"), false);
      assert.equal(policy.isSilenced("x.quiet.test"), true);
      assert.equal(policy.isRefused("x.quiet.test"), false);
      assert.equal(policy.isRefused(new URL(instance.origin).host), false);
      await assert.rejects(
        () => block(instance, mod, "example.com"),
        /already blocked/,
      );
      await assert.rejects(() => block(instance, mod, "not a domain"));
      const log = await instance.deps.sql<{ action: string; h: string }[]>`
        SELECT action, human_identifier AS h FROM admin_action_logs
        WHERE target_type = 'DomainBlock' ORDER BY id`;
      assert.deepEqual(log.map((r) => `${r.action} ${r.h}`), [
        "create example.com",
        "create ok.example.com",
        "create quiet.test",
      ]);
      // A moderator (no manage_federation) may not.
      const moderator = await createStaff(instance, "modder", "moderator");
      await assert.rejects(
        async () =>
          await block(
            instance,
            await loadActor(instance.deps.sql, moderator.user),
            "other.test",
          ),
        /This action is not allowed/,
      );
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a suspended domain's delivery is refused with 403 before any key fetch, and nothing is stored",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      await createUserWithToken(instance, "alice");
      const mod = await admin(instance);
      const mallory = await peer.actor("mallory");
      // Before the block: accepted and stored.
      const first = `${peer.origin}/notes/1`;
      let res = await peer.deliver(
        mallory,
        `${instance.origin}/inbox`,
        createNote(mallory, first),
      );
      await res.body?.cancel();
      assert.equal(res.status, 202);
      await eventually(
        "first stored",
        async () => await statusCount(instance, first) === 1,
      );

      await block(instance, mod, hostOf(peer));
      peer.hits.length = 0;
      const second = `${peer.origin}/notes/2`;
      res = await peer.deliver(
        mallory,
        `${instance.origin}/users/alice/inbox`,
        createNote(mallory, second),
      );
      assert.equal(res.status, 403);
      await res.body?.cancel();
      assert.deepEqual(peer.hits, [], "no key fetched, nothing fetched");
      assert.equal(await statusCount(instance, second), 0);
      // Nor is anything fetched from there on our side (a lookup of an actor not yet known).
      const newcomer = await peer.actor("newcomer");
      await instance.deps.resolveRemote(newcomer.id).catch(() => null);
      assert.deepEqual(
        peer.hits,
        [],
        "nothing fetched from a suspended domain",
      );
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "activities queued before the block is added store nothing when the worker processes them",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    // A web process (ROLE=web) accepts deliveries into the queue and processes none; the
    // worker's queue listener is started by hand once the block is in place.
    const instance = await startTestInstance({ env: { ROLE: "web" } });
    const peer = startFakePeer();
    let stop = new AbortController();
    try {
      await createUserWithToken(instance, "alice");
      const mod = await admin(instance);
      const mallory = await peer.actor("mallory");
      const deliver = async (id: string) => {
        const res = await peer.deliver(
          mallory,
          `${instance.origin}/inbox`,
          createNote(mallory, id),
        );
        await res.body?.cancel();
        assert.equal(res.status, 202);
      };
      // Mallory is known already (her first post went through a worker), so processing her
      // next activities needs no fetch from her server.
      await deliver(`${peer.origin}/notes/first`);
      let listening = listenFederationQueue(instance.deps, stop.signal);
      await eventually(
        "the first post stored",
        async () =>
          await statusCount(instance, `${peer.origin}/notes/first`) === 1,
      );
      stop.abort();
      await listening.catch(() => {});
      stop = new AbortController();
      const ids = [1, 2, 3].map((n) => `${peer.origin}/notes/q${n}`);
      for (const id of ids) await deliver(id);
      const queued = async () => {
        const [{ n }] = await instance.deps.sql<{ n: number }[]>`
          SELECT count(*)::int AS n FROM federation_queue`;
        return n;
      };
      assert.equal(await queued(), 3, "three inbox messages waiting");
      await block(instance, mod, hostOf(peer));
      listening = listenFederationQueue(instance.deps, stop.signal);
      await eventually("the queue drained", async () => await queued() === 0);
      stop.abort();
      await listening.catch(() => {});
      for (const id of ids) assert.equal(await statusCount(instance, id), 0);
    } finally {
      stop.abort();
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a suspended remote account is refused at the edge; allowlist mode refuses every other domain",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance({
      env: { LIMITED_FEDERATION: "true" },
    });
    const peer = startFakePeer();
    const other = startFakePeer();
    try {
      await createUserWithToken(instance, "alice");
      const mod = await admin(instance);
      const mallory = await peer.actor("mallory");
      const carol = await other.actor("carol");
      await createDomainAllow(instance.deps.sql, mod, hostOf(peer));
      const deliver = async (actor: FakeActor, from: FakePeer, n: string) => {
        const id = `${from.origin}/notes/${n}`;
        const res = await from.deliver(
          actor,
          `${instance.origin}/inbox`,
          createNote(actor, id),
        );
        await res.body?.cancel();
        return { status: res.status, id };
      };
      // Not allowed: refused before its key is fetched.
      const refused = await deliver(carol, other, "c1");
      assert.equal(refused.status, 403);
      assert.deepEqual(other.hits, []);
      // Allowed: accepted.
      const allowed = await deliver(mallory, peer, "m1");
      assert.equal(allowed.status, 202);
      await eventually(
        "stored",
        async () => await statusCount(instance, allowed.id) === 1,
      );
      // The account suspended (account actions set suspended_at): refused.
      await instance.deps.sql`
        UPDATE accounts SET suspended_at = now() WHERE uri = ${mallory.id}`;
      const suspended = await deliver(mallory, peer, "m2");
      assert.equal(suspended.status, 403);
      assert.equal(await statusCount(instance, suspended.id), 0);
    } finally {
      await other.close();
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "reject_media keeps a domain's attachments as links of type unknown; reject_reports ignores its Flags",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const mod = await admin(instance);
      const mallory = await peer.actor("mallory");
      await block(instance, mod, hostOf(peer), {
        severity: "noop",
        reject_media: true,
        reject_reports: true,
      });
      const id = `${peer.origin}/notes/pic`;
      const activity = createNote(mallory, id);
      Object.assign(activity.object, {
        attachment: [{
          type: "Document",
          mediaType: "image/png",
          url: `${peer.origin}/media/pic.png`,
          name: "a picture",
        }],
      });
      let res = await peer.deliver(
        mallory,
        `${instance.origin}/inbox`,
        activity,
      );
      await res.body?.cancel();
      assert.equal(res.status, 202, "noop: deliveries are accepted");
      await eventually(
        "stored",
        async () => await statusCount(instance, id) === 1,
      );
      const media = await instance.deps.sql<{ type: string }[]>`
        SELECT m.type FROM media_attachments m
        JOIN statuses s ON s.id = m.status_id WHERE s.uri = ${id}`;
      assert.deepEqual(media.map((m) => m.type), ["unknown"]);

      res = await peer.deliver(mallory, `${instance.origin}/inbox`, {
        "@context": AS_CONTEXT,
        id: `${mallory.id}#flag`,
        type: "Flag",
        actor: mallory.id,
        object: [`${instance.origin}/users/alice`],
        content: "a report we don't take",
      });
      await res.body?.cancel();
      assert.equal(res.status, 202);
      // A later post from the same peer is stored: the queue has handled the Flag before it.
      const after = `${peer.origin}/notes/after`;
      res = await peer.deliver(
        mallory,
        `${instance.origin}/inbox`,
        createNote(mallory, after),
      );
      await res.body?.cancel();
      await eventually(
        "the later post",
        async () => await statusCount(instance, after) === 1,
      );
      const [{ n }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM reports
        WHERE target_account_id = ${alice.account.id}`;
      assert.equal(n, 0);
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});
