/**
 * Rule: deliveries are pinned like fetches. The inbox's host is resolved once when the POST is
 * made, every address is checked, and the connection goes to the checked address: an inbox that
 * was public when its actor was stored but whose host resolves to loopback by delivery time
 * (DNS rebinding) gets no connection; the delivery fails like an unreachable host and is retried
 * (each retry refused the same way) until the retry schedule gives up. With private addresses
 * allowed (tests, local development), deliveries still go wherever the host resolves.
 *
 * The DNS here is the attacker's: a resolver given to the instance (`resolveHost`), as
 * `ssrf-fetch.test.ts` does for fetches. Only requests Fedify's sender makes are pinned: other
 * `fetch` calls in the process are the real `fetch`.
 */
import assert from "node:assert/strict";
import { Person } from "@fedify/vocab";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { startInbox } from "../helpers/fake-peer.ts";
import { freePort } from "../helpers/server-process.ts";
import { connectionCounter } from "../helpers/connection-counter.ts";
import { eventually } from "../federation/helpers.ts";
import { persistActor } from "../../lib/federation/remote-accounts.ts";
import { federationKvStore } from "../../lib/federation/stores.ts";
import {
  installPinnedDeliveries,
  withPinnedDeliveries,
} from "../../lib/federation/pinned-delivery.ts";

/**
 * A DNS server answering `host` with `answers` in turn (the last one repeats) and nothing else,
 * counting the questions about `host`.
 */
function rebindingDns(host: string, ...answers: string[][]) {
  const dns = {
    questions: 0,
    resolve: (name: string) =>
      name === host
        ? Promise.resolve(
          answers[Math.min(dns.questions++, answers.length - 1)],
        )
        : Promise.reject(new Error(`${name}: no such host`)),
  };
  return dns;
}

/** Stores the remote actor `bob` with the given inbox, then has alice follow him (a delivery). */
async function followRemoteBob(instance: TestInstance, inbox: string) {
  const alice = await createUserWithToken(instance, "alice");
  const ctx = (await instance.deps.federation()).createContext(
    new URL(instance.origin),
    instance.deps,
  );
  const bob = await persistActor(
    ctx,
    new Person({
      id: new URL("/users/bob", inbox),
      preferredUsername: "bob",
      inbox: new URL(inbox),
    }),
  );
  assert.ok(bob, "bob's inbox was public when he was stored");
  const res = await apiFetch(
    instance,
    alice.token,
    `/api/v1/accounts/${bob.id}/follow`,
    { body: {} },
  );
  assert.equal(res.status, 200);
  await res.body?.cancel();
}

// On both queues: Postgres tables (a Postgres server) and Deno KV (the embedded PGlite).
for (const embedded of [false, true]) {
  Deno.test({
    name:
      `a delivery to an inbox whose host turned to loopback after the actor was stored never connects there, and is retried (${
        embedded ? "Deno KV" : "Postgres"
      } queue)`,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: () => rebindingAfterStore(embedded),
  });
}

async function rebindingAfterStore(embedded: boolean) {
  const target = connectionCounter();
  // This machine's own name: the system resolver (/etc/hosts) usually answers loopback for
  // it, so a delivery that resolved the host again outside our DNS would reach `target`.
  const host = Deno.hostname();
  // Public when bob is stored, loopback ever after.
  const dns = rebindingDns(host, ["93.184.215.14"], ["127.0.0.1"]);
  const instance = await startTestInstance({
    embedded,
    env: { ALLOW_PRIVATE_ADDRESS: "false", DELIVERY_RETRY_SCALE: "0.001" },
    resolveHost: dns.resolve,
  });
  try {
    await followRemoteBob(
      instance,
      `http://${host}:${target.port}/users/bob/inbox`,
    );
    assert.equal(dns.questions, 1, "asked once, when bob was stored");
    // The Follow is delivered, and retried: through our DNS, or (unpinned) not.
    await eventually(
      "the delivery and a retry",
      () => Promise.resolve(dns.questions >= 3 || target.connections >= 2),
      20_000,
    );
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(target.connections, 0, "no connection reached loopback");
    assert.ok(dns.questions >= 3, "each attempt resolved the host again");
    // Failed like an unreachable host: counted by that host's circuit breaker (Fedify's state,
    // in its KV store), which pauses the host after repeated failures.
    const circuits = [];
    for await (const entry of federationKvStore(instance.deps).list()) {
      const key = JSON.stringify(entry.key);
      if (key.includes("circuit") && key.includes(`${host}:${target.port}`)) {
        circuits.push(entry);
      }
    }
    assert.equal(
      circuits.length,
      1,
      "the failures were counted for the host",
    );
  } finally {
    await instance.close();
    target.close();
  }
}

Deno.test({
  name:
    "with private addresses allowed, a delivery goes to the address the instance's resolver gave",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const port = freePort();
    const inbox = startInbox(port);
    // A name only our DNS knows: delivered only if the delivery resolved it through us.
    const dns = rebindingDns("bob.example", ["127.0.0.1"]);
    const instance = await startTestInstance({
      env: { ALLOW_PRIVATE_ADDRESS: "true" },
      resolveHost: dns.resolve,
    });
    try {
      await followRemoteBob(
        instance,
        `http://bob.example:${port}/users/bob/inbox`,
      );
      await eventually(
        "the Follow arrives",
        () => Promise.resolve(inbox.received.some((a) => a.type === "Follow")),
        20_000,
      );
    } finally {
      await instance.close();
      await inbox.close();
    }
  },
});

Deno.test({
  name:
    "only fetches inside a delivery scope are pinned; every other fetch is the real one",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    installPinnedDeliveries();
    const target = connectionCounter();
    const server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      async (req) => new Response(`got ${await req.text()}`),
    );
    try {
      const dns = rebindingDns("inbox.example", ["127.0.0.1"]);
      const post = (url: string) =>
        fetch(url, { method: "POST", body: "hello" });
      // Outside a scope: an ordinary fetch to loopback.
      const plain = await post(`http://127.0.0.1:${server.addr.port}/inbox`);
      assert.equal(await plain.text(), "got hello");
      // Inside one: refused before connecting, whatever the name or address.
      await withPinnedDeliveries(
        { allowPrivateAddress: false, resolve: dns.resolve },
        async () => {
          for (
            const url of [
              `http://inbox.example:${target.port}/inbox`,
              `http://127.0.0.1:${target.port}/inbox`,
              `http://localhost:${target.port}/inbox`,
            ]
          ) {
            await assert.rejects(post(url), /not a public address/, url);
          }
        },
      );
      // And allowed, it goes where our resolver said, body and all.
      const allowed = await withPinnedDeliveries(
        { allowPrivateAddress: true, resolve: dns.resolve },
        () => post(`http://inbox.example:${server.addr.port}/inbox`),
      );
      assert.equal(await allowed.text(), "got hello");
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(target.connections, 0, "no connection reached loopback");
    } finally {
      target.close();
      await server.shutdown();
    }
  },
});
