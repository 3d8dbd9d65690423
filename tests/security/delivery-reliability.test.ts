/**
 * Rules for outgoing deliveries:
 * - a delivery to a peer that is down is retried with backoff and arrives when it comes back
 *   (the schedule compressed by DELIVERY_RETRY_SCALE);
 * - a peer that keeps failing is paused (Fedify's circuit breaker) without holding up
 *   deliveries to other peers, and gets what was held once it recovers;
 * - a server killed mid-delivery (SIGKILL) delivers after restart: the queue is in the
 *   database (Postgres; with the embedded database, the DATA_DIR's Deno KV file), and a
 *   delivery claimed by the killed process is taken again once its lease runs out;
 * - SIGTERM lets in-flight requests finish, even with streaming clients connected, then exits.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import {
  AS_CONTEXT,
  followFrom,
  startFakePeer,
  startInbox,
} from "../helpers/fake-peer.ts";
import {
  freePort,
  type ServerProcess,
  startServer,
} from "../helpers/server-process.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { eventually } from "../federation/helpers.ts";
import { federationKvStore } from "../../lib/federation/stores.ts";

async function followers(sql: TestInstance["deps"]["sql"], n: number) {
  await eventually(`${n} followers`, async () => {
    const [{ count }] = await sql<{ count: number }[]>`
      SELECT count(*)::int AS count FROM follows f
      JOIN accounts a ON a.id = f.target_account_id WHERE a.username = 'alice'`;
    return count >= n;
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

Deno.test({
  name:
    "a delivery to a peer that is down is retried and arrives when it comes back",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance({
      env: { DELIVERY_RETRY_SCALE: "0.001" },
    });
    const peer = startFakePeer();
    const port = freePort();
    let inbox: ReturnType<typeof startInbox> | null = null;
    try {
      const alice = await createUserWithToken(instance, "alice");
      const bob = await peer.actor("bob", {
        inboxOrigin: `http://127.0.0.1:${port}`,
      });
      await followFrom(instance.origin, peer, bob);
      await followers(instance.deps.sql, 1);
      const post = await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: { status: "written while you were away" },
      });
      assert.equal(post.status, 200);
      await post.body?.cancel();
      await sleep(2000); // several attempts fail; the breaker opens
      inbox = startInbox(port);
      await eventually(
        "the post arrives after the peer comes back",
        () => Promise.resolve(inbox!.creates("while you were away") >= 1),
        30_000,
      );
      assert.equal(inbox.creates("while you were away"), 1, "once");
    } finally {
      await inbox?.close();
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a peer that keeps failing is paused without holding up deliveries to others",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance({
      env: { DELIVERY_RETRY_SCALE: "0.001" },
    });
    const peer = startFakePeer();
    const downPort = freePort();
    const upPort = freePort();
    const up = startInbox(upPort);
    let down: ReturnType<typeof startInbox> | null = null;
    try {
      const alice = await createUserWithToken(instance, "alice");
      const bob = await peer.actor("bob", {
        inboxOrigin: `http://127.0.0.1:${downPort}`,
      });
      const carol = await peer.actor("carol", {
        inboxOrigin: `http://127.0.0.1:${upPort}`,
      });
      await followFrom(instance.origin, peer, bob);
      await followFrom(instance.origin, peer, carol);
      await followers(instance.deps.sql, 2);
      const started = Date.now();
      for (let i = 1; i <= 8; i++) {
        const res = await apiFetch(instance, alice.token, "/api/v1/statuses", {
          body: { status: `news number ${i}` },
        });
        await res.body?.cancel();
        await sleep(150);
      }
      await eventually(
        "carol gets all 8 while bob is down",
        () => Promise.resolve(up.creates("news number") === 8),
        10_000,
      );
      assert.ok(Date.now() - started < 10_000);
      // The breaker opened for bob's server: Fedify keeps its state in its KV store.
      const circuit = [];
      for await (const entry of federationKvStore(instance.deps).list()) {
        if (JSON.stringify(entry.key).includes("circuit")) circuit.push(entry);
      }
      assert.ok(circuit.length > 0, "circuit breaker state recorded");
      // Bob comes back and gets everything held for him, once each.
      down = startInbox(downPort);
      await eventually(
        "bob gets the held posts",
        () => Promise.resolve(down!.creates("news number") === 8),
        40_000,
      );
    } finally {
      await down?.close();
      await up.close();
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a server killed mid-delivery delivers after restart (the queue is in the database)",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const database = await createTestDatabase();
    const dataDir = await Deno.makeTempDir({ prefix: "starling-kill-" });
    const port = freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ORIGIN: origin,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
      ALLOW_PRIVATE_ADDRESS: "true",
      DELIVERY_RETRY_SCALE: "0.001",
    };
    const peer = startFakePeer();
    const inboxPort = freePort();
    let inbox: ReturnType<typeof startInbox> | null = null;
    let server: ServerProcess | null = await startServer(env);
    const { openDatabase } = await import("../../lib/db/client.ts");
    const db = await openDatabase({ url: database.url, pgliteDir: "" });
    try {
      const alice = await createUserWithToken(
        { deps: { sql: db.sql } } as never,
        "alice",
      );
      const bob = await peer.actor("bob", {
        inboxOrigin: `http://127.0.0.1:${inboxPort}`,
      });
      await followFrom(origin, peer, bob);
      await followers(db.sql, 1);
      const res = await fetch(`${origin}/api/v1/statuses`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${alice.token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ status: "survives a crash" }),
      });
      assert.equal(res.status, 200);
      await res.body?.cancel();
      await sleep(500); // queued and failing
      server.child.kill("SIGKILL");
      await server.child.status;
      server = null;
      inbox = startInbox(inboxPort);
      await sleep(500);
      assert.equal(inbox.creates("survives a crash"), 0, "nobody delivered it");
      server = await startServer(env);
      await eventually(
        "delivered by the restarted server",
        () => Promise.resolve(inbox!.creates("survives a crash") >= 1),
        40_000,
      );
    } finally {
      if (server) {
        server.child.kill("SIGKILL");
        await server.child.status;
      }
      await db.close();
      await inbox?.close();
      await peer.close();
      await Deno.remove(dataDir, { recursive: true }).catch(() => {});
      await database.drop();
    }
  },
});

Deno.test({
  name:
    "SIGTERM lets in-flight requests finish, even with streams open, then exits",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const database = await createTestDatabase();
    const dataDir = await Deno.makeTempDir({ prefix: "starling-term-" });
    const port = freePort();
    const origin = `http://127.0.0.1:${port}`;
    const server = await startServer({
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ORIGIN: origin,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
      ALLOW_PRIVATE_ADDRESS: "true",
    });
    let exited = false;
    try {
      // A streaming client that never leaves on its own.
      const stream = await fetch(`${origin}/api/v1/streaming/public`);
      assert.equal(stream.status, 200);
      const reader = stream.body!.getReader();
      await reader.read();
      // A request in flight when SIGTERM comes: a delivery whose signing key is being fetched
      // from a peer that takes its time answering.
      const peer = startFakePeer();
      const slowpoke = await peer.actor("slowpoke");
      const actorDoc = await (await fetch(slowpoke.id)).json();
      peer.hits.length = 0;
      const release = Promise.withResolvers<void>();
      peer.put("/users/slowpoke", async () => {
        await release.promise;
        return new Response(JSON.stringify(actorDoc), {
          headers: { "content-type": "application/activity+json" },
        });
      });
      const inFlight = peer.deliver(slowpoke, `${origin}/inbox`, {
        "@context": AS_CONTEXT,
        id: `${slowpoke.id}#follows/1`,
        type: "Follow",
        actor: slowpoke.id,
        object: `${origin}/users/nobody`,
      });
      await eventually(
        "the server is fetching the key",
        () => Promise.resolve(peer.hits.includes("/users/slowpoke")),
      );
      server.child.kill("SIGTERM");
      await sleep(300);
      release.resolve();
      const answer = await inFlight;
      await answer.body?.cancel();
      await peer.close();
      assert.equal(answer.status, 202, server.output.join(""));
      const status = await Promise.race([
        server.child.status,
        sleep(15_000).then(() => null),
      ]);
      assert.ok(status, "exited within 15 s despite the open stream");
      exited = true;
      assert.equal(status.code, 0, server.output.join(""));
      await reader.cancel().catch(() => {});
    } finally {
      if (!exited) {
        server.child.kill("SIGKILL");
        await server.child.status;
      }
      await Deno.remove(dataDir, { recursive: true }).catch(() => {});
      await database.drop();
    }
  },
});
