/**
 * What our outgoing deliveries carry, seen by a sink server that records them: a draft-cavage
 * HTTP signature first (what every Mastodon verifies), RFC 9421 when the peer refuses that
 * (Fedify's double-knock, remembered per origin), and an Ed25519 object integrity proof
 * (FEP-8b32, `eddsa-jcs-2022`). And a key rotation on one instance: the other refetches the key
 * when the cached one fails, and accepts.
 */
import assert from "node:assert/strict";
import { signRequest } from "@fedify/fedify";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { AS_CONTEXT, newRsaKeyPair } from "../helpers/fake-peer.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import * as relationships from "../../lib/domain/relationships.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { generateActorKeys } from "../../lib/domain/keys.ts";
import { insertAccountKey } from "../../lib/db/accounts.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import { eventually } from "./helpers.ts";

interface Captured {
  headers: Headers;
  body: Record<string, unknown>;
  status: number;
}

/** A one-actor server recording what reaches its inboxes; `refuseCavage` answers it with 401. */
async function startSink() {
  const keys = await newRsaKeyPair();
  const spki = new Uint8Array(
    await crypto.subtle.exportKey("spki", keys.publicKey),
  );
  const pem = `-----BEGIN PUBLIC KEY-----\n${
    btoa(String.fromCharCode(...spki)).match(/.{1,64}/g)!.join("\n")
  }\n-----END PUBLIC KEY-----\n`;
  const received: Captured[] = [];
  const state = { refuseCavage: false };
  const server: Deno.HttpServer<Deno.NetAddr> = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req): Promise<Response> => {
      const url = new URL(req.url);
      if (req.method === "POST" && url.pathname.endsWith("inbox")) {
        const body = await req.json();
        const status = state.refuseCavage && !req.headers.has("signature-input")
          ? 401
          : 202;
        received.push({ headers: req.headers, body, status });
        return new Response(null, { status });
      }
      if (url.pathname === "/users/sink") {
        return Response.json({
          "@context": AS_CONTEXT,
          id: actorId,
          type: "Person",
          preferredUsername: "sink",
          inbox: `${origin}/users/sink/inbox`,
          endpoints: { sharedInbox: `${origin}/inbox` },
          publicKey: { id: keyId, owner: actorId, publicKeyPem: pem },
        }, { headers: { "content-type": "application/activity+json" } });
      }
      return new Response("not found", { status: 404 });
    },
  );
  const origin: string = `http://127.0.0.1:${server.addr.port}`;
  const actorId: string = `${origin}/users/sink`;
  const keyId = `${actorId}#main-key`;
  return {
    origin,
    actorId,
    received,
    state,
    async deliver(inbox: string, activity: unknown) {
      const request = await signRequest(
        new Request(inbox, {
          method: "POST",
          headers: { "content-type": "application/activity+json" },
          body: JSON.stringify(activity),
        }),
        keys.privateKey,
        new URL(keyId),
      );
      return await fetch(request);
    },
    close: () => server.shutdown(),
  };
}

Deno.test({
  name:
    "outgoing deliveries: draft-cavage first, RFC 9421 on refusal (remembered), Ed25519 eddsa-jcs-2022 proof attached",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const sink = await startSink();
    try {
      const aliceUser = await createUserWithToken(a, "alice");
      const alice = `${a.origin}/users/alice`;
      // The sink follows alice; A answers with an Accept.
      const response = await sink.deliver(`${alice}/inbox`, {
        "@context": "https://www.w3.org/ns/activitystreams",
        id: `${sink.actorId}#follow-1`,
        type: "Follow",
        actor: sink.actorId,
        object: alice,
      });
      assert.equal(response.status, 202);
      const accept = await eventually(
        "Accept at the sink",
        () =>
          Promise.resolve(sink.received.find((r) => r.body.type === "Accept")),
      );
      assert.ok(accept.headers.get("signature"), "draft-cavage Signature");
      assert.equal(accept.headers.get("signature-input"), null);
      assert.match(
        accept.headers.get("signature")!,
        /keyId="[^"]+\/users\/alice#main-key"/,
      );
      assert.ok(accept.headers.get("digest"), "draft-cavage Digest");
      const proof = accept.body.proof as Record<string, string>;
      assert.ok(proof, "object integrity proof attached");
      assert.equal(proof.type, "DataIntegrityProof");
      assert.equal(proof.cryptosuite, "eddsa-jcs-2022");
      assert.equal(proof.proofPurpose, "assertionMethod");
      // …made with the Ed25519 Multikey the actor publishes as an assertion method.
      const actorDoc = await (await a.fetch("/users/alice", {
        headers: { accept: "application/activity+json" },
      })).json();
      const methods = [actorDoc.assertionMethod].flat();
      const method = methods.find((m: { id: string }) =>
        m.id === proof.verificationMethod
      );
      assert.ok(
        method,
        `${proof.verificationMethod} is alice's assertionMethod`,
      );
      assert.equal(method.type, "Multikey");
      assert.match(method.publicKeyMultibase, /^z6Mk/, "an Ed25519 multikey");
      // Mastodon's LD signature (RSA) rides along too.
      assert.ok(accept.body.signature, "Linked Data signature");

      // The sink stops accepting draft-cavage: the next delivery knocks twice, then RFC 9421
      // is remembered for its origin.
      sink.state.refuseCavage = true;
      const seen = sink.received.length;
      await createStatus(a.deps, aliceUser, {
        status: "First knock refused",
        visibility: "public",
      });
      const knocks = await eventually("two knocks", () => {
        const after = sink.received.slice(seen);
        return Promise.resolve(
          after.some((r) => r.status === 202) ? after : null,
        );
      });
      assert.equal(knocks[0].status, 401);
      assert.ok(
        knocks[0].headers.get("signature") &&
          !knocks[0].headers.has("signature-input"),
      );
      assert.equal(knocks[1].status, 202);
      assert.ok(
        knocks[1].headers.get("signature-input"),
        "RFC 9421 Signature-Input",
      );
      assert.match(knocks[1].headers.get("signature")!, /^sig1=:/);
      assert.ok(
        knocks[1].headers.get("content-digest"),
        "RFC 9421 Content-Digest",
      );
      const remembered = sink.received.length;
      await createStatus(a.deps, aliceUser, {
        status: "Straight to RFC 9421",
        visibility: "public",
      });
      const next = await eventually(
        "third delivery",
        () => Promise.resolve(sink.received[remembered]),
      );
      assert.equal(next.status, 202, "RFC 9421 tried first for this origin");
      assert.ok(next.headers.get("signature-input"));
    } finally {
      await a.close();
      await sink.close();
    }
  },
});

async function rotateKeys(instance: TestInstance, accountId: string) {
  const fresh = await generateActorKeys();
  await instance.deps.sql.begin(async (tx) => {
    await tx`DELETE FROM account_keys WHERE account_id = ${accountId}`;
    for (const key of fresh) {
      await insertAccountKey(
        tx,
        accountId,
        key.algorithm,
        key.publicJwk,
        key.privateJwk,
      );
    }
  });
}

Deno.test({
  name:
    "key rotation on A: B's cached key fails, B refetches alice's key and accepts the delivery",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const a = await startTestInstance({ host: "localhost" });
    const b = await startTestInstance();
    try {
      const alice = await createUserWithToken(a, "alice");
      const bob = await createUserWithToken(b, "bob");
      const aliceOnB = (await resolveRemote(
        b.deps,
        `${a.origin}/users/alice`,
      )).account as AccountRow;
      await relationships.follow(b.deps, bob.account, aliceOnB);
      await eventually("bob follows alice", async () => {
        const [row] = await b.deps.sql`SELECT 1 FROM follows
          WHERE account_id = ${bob.account.id} AND target_account_id = ${aliceOnB.id}`;
        return Boolean(row);
      });
      const onB = async (uri: string) => {
        const [row] = await b.deps
          .sql`SELECT 1 FROM statuses WHERE uri = ${uri}`;
        return Boolean(row);
      };
      // B verifies (and caches) alice's current key with the Accept and a post.
      const before = await createStatus(a.deps, alice, {
        status: "Old key",
        visibility: "public",
      });
      await eventually(
        "post signed with the old key on B",
        () => onB(before.uri),
      );

      await rotateKeys(a, alice.account.id);
      const actorDoc = await (await a.fetch("/users/alice", {
        headers: { accept: "application/activity+json" },
      })).json();
      const [rsa] = await a.deps.sql<{ public_jwk: JsonWebKey }[]>`
        SELECT public_jwk FROM account_keys
        WHERE account_id = ${alice.account.id} AND algorithm = 'RSASSA-PKCS1-v1_5'`;
      const published = await crypto.subtle.importKey(
        "spki",
        Uint8Array.from(
          atob(
            actorDoc.publicKey.publicKeyPem.replace(/-----[^-]+-----|\s/g, ""),
          ),
          (c) => c.charCodeAt(0),
        ),
        { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
        true,
        ["verify"],
      );
      assert.equal(
        (await crypto.subtle.exportKey("jwk", published)).n,
        rsa.public_jwk.n,
        "A publishes and signs with the new key at once",
      );

      const after = await createStatus(a.deps, alice, {
        status: "New key",
        visibility: "public",
      });
      await eventually(
        "post signed with the new key accepted on B",
        () => onB(after.uri),
        10_000,
      );
    } finally {
      await a.close();
      await b.close();
    }
  },
});
