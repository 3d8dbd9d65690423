/**
 * Rule: unless ALLOW_PRIVATE_ADDRESS=true, Starling never connects to loopback, private,
 * link-local, CGNAT, unspecified or IPv4-mapped/NAT64 IPv6 addresses, nor follows `data:` or
 * `file:` URLs — not to fetch (actors, objects, keys while verifying inbox signatures,
 * WebFinger; every redirect hop too, at most 5 of them) and not to deliver (inbox URLs named by
 * actor documents). A host name is resolved once and the connection goes to the address that
 * was checked (no DNS rebinding). Fetched documents must be served as ActivityPub JSON and carry
 * an id on the origin they were served from; slow or huge responses are cut off.
 *
 * Here through a running instance; the fetcher itself (DNS pinning, cut-offs, ids after
 * redirects, WebFinger redirects) in `ssrf-fetch.test.ts`; deliveries pinned when they are sent
 * (an inbox host rebinding after the actor was stored) in `ssrf-delivery.test.ts`.
 */
import assert from "node:assert/strict";
import { Endpoints, Person } from "@fedify/vocab";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { AS_CONTEXT, startFakePeer } from "../helpers/fake-peer.ts";
import { eventually } from "../federation/helpers.ts";
import { isPrivateAddress, isPublicUrl } from "../../lib/net/mod.ts";
import { persistActor } from "../../lib/federation/remote-accounts.ts";
import { connectionCounter } from "../helpers/connection-counter.ts";

Deno.test("isPrivateAddress: loopback, private, link-local, CGNAT, unspecified, mapped and NAT64 are private", () => {
  const privateOnes = [
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "100.127.255.255",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::127.0.0.1",
    "64:ff9b::a00:1",
    "64:ff9b:1::1",
    "::127.0.0.1",
    "2002:7f00:1::",
    "not an address",
    "1.2.3",
  ];
  const publicOnes = [
    "8.8.8.8",
    "1.1.1.1",
    "100.63.255.255",
    "100.128.0.1",
    "172.32.0.1",
    "2606:4700:4700::1111",
    "2a01:4f8::1",
    "::ffff:8.8.8.8",
    "64:ff9b::8.8.8.8",
  ];
  for (const ip of privateOnes) assert.equal(isPrivateAddress(ip), true, ip);
  for (const ip of publicOnes) assert.equal(isPrivateAddress(ip), false, ip);
});

Deno.test("isPublicUrl: only http(s) to public addresses", async () => {
  for (
    const url of [
      "data:application/activity+json,{}",
      "file:///etc/passwd",
      "ftp://8.8.8.8/",
      "http://localhost/",
      "http://app.localhost/",
      "http://127.1/",
      "http://2130706433/",
      "http://0x7f000001/",
      "http://[::ffff:127.0.0.1]/",
      "http://[64:ff9b::7f00:1]/",
      "http://[::]/",
      "http://100.64.1.1/",
      "not a url",
    ]
  ) {
    assert.equal(await isPublicUrl(url), false, url);
  }
  assert.equal(await isPublicUrl("https://8.8.8.8/inbox"), true);
  assert.equal(await isPublicUrl("https://[2606:4700:4700::1111]/"), true);
});

Deno.test({
  name:
    "with private addresses refused, search, WebFinger and inbox key fetches never connect to loopback",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance({
      env: { ALLOW_PRIVATE_ADDRESS: "false" },
    });
    const target = connectionCounter();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const p = target.port;
      const queries = [
        `http://127.0.0.1:${p}/users/x`,
        `http://localhost:${p}/users/x`,
        `http://127.1:${p}/users/x`,
        `http://2130706433:${p}/users/x`,
        `http://0x7f.0.0.1:${p}/users/x`,
        `http://[::ffff:127.0.0.1]:${p}/users/x`,
        `http://[::1]:${p}/users/x`,
        `http://0.0.0.0:${p}/users/x`,
        `@x@127.0.0.1:${p}`,
        `@x@localhost:${p}`,
        `data:application/activity+json,{"id":"https://a.example/x","type":"Note"}`,
        "file:///etc/passwd",
      ];
      for (const q of queries) {
        const res = await apiFetch(
          instance,
          alice.token,
          `/api/v2/search?resolve=true&q=${encodeURIComponent(q)}`,
        );
        assert.equal(res.status, 200, q);
        const body = await res.json();
        assert.equal(body.accounts.length + body.statuses.length, 0, q);
      }
      // A delivery whose key lives on a loopback address: refused without fetching the key.
      const peer = startFakePeer();
      try {
        const mallory = await peer.actor("mallory");
        for (
          const keyId of [
            `http://127.0.0.1:${p}/users/x#main-key`,
            `http://[::ffff:7f00:1]:${p}/users/x#main-key`,
            "data:application/json,{}",
            "file:///etc/passwd",
          ]
        ) {
          const res = await peer.deliver(mallory, `${instance.origin}/inbox`, {
            "@context": AS_CONTEXT,
            id: `${peer.origin}/activities/1`,
            type: "Create",
            actor: `http://127.0.0.1:${p}/users/x`,
            object: {
              id: `http://127.0.0.1:${p}/notes/1`,
              type: "Note",
              attributedTo: `http://127.0.0.1:${p}/users/x`,
              content: "hi",
            },
          }, { keyId });
          await res.body?.cancel();
          assert.equal(res.status, 401, keyId);
        }
        // The fake peer is loopback too: its own actor is never fetched either.
        assert.deepEqual(peer.hits, []);
      } finally {
        await peer.close();
      }
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(target.connections, 0, "no connection reached loopback");
      const [{ n }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM accounts WHERE domain IS NOT NULL`;
      assert.equal(n, 0, "no remote account stored");
    } finally {
      target.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a remote actor whose inbox is on a private address is not stored (we would POST to it)",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance({
      env: { ALLOW_PRIVATE_ADDRESS: "false" },
    });
    try {
      const ctx = (await instance.deps.federation()).createContext(
        new URL(instance.origin),
        instance.deps,
      );
      const actor = (inbox: string, sharedInbox?: string) =>
        new Person({
          id: new URL("https://8.8.8.8/users/mallory"),
          preferredUsername: "mallory",
          inbox: new URL(inbox),
          endpoints: sharedInbox
            ? new Endpoints({ sharedInbox: new URL(sharedInbox) })
            : null,
        });
      for (
        const [inbox, shared] of [
          ["http://169.254.169.254/latest/meta-data", undefined],
          ["http://127.0.0.1:5432/inbox", undefined],
          ["http://[::ffff:10.0.0.1]/inbox", undefined],
          ["https://8.8.8.8/users/mallory/inbox", "http://100.64.0.1/inbox"],
        ] as const
      ) {
        assert.equal(
          await persistActor(ctx, actor(inbox, shared)),
          null,
          `${inbox} ${shared ?? ""}`,
        );
      }
      const stored = await persistActor(
        ctx,
        actor("https://8.8.8.8/users/mallory/inbox", "https://8.8.8.8/inbox"),
      );
      assert.ok(stored, "a public inbox is fine");
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a fetched document must carry the id it was fetched by; redirect loops end",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    const other = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      await peer.actor("real");
      const claims = (id: string) => ({
        "@context": AS_CONTEXT,
        id,
        type: "Person",
        preferredUsername: "impostor",
        inbox: `${id}/inbox`,
      });
      // Same origin, another (missing) id; and another origin's id.
      peer.put("/users/alias", claims(`${peer.origin}/users/missing`));
      peer.put("/users/foreign", claims(`${other.origin}/users/victim`));
      // A note served under one URL but naming another.
      peer.put("/notes/a", {
        "@context": AS_CONTEXT,
        id: `${peer.origin}/notes/b`,
        type: "Note",
        attributedTo: `${peer.origin}/users/real`,
        content: "moved",
      });
      // Redirects in a loop, and a chain longer than any sensible limit.
      peer.put("/loop/a", () =>
        new Response(null, {
          status: 302,
          headers: { location: `${peer.origin}/loop/b` },
        }));
      peer.put("/loop/b", () =>
        new Response(null, {
          status: 302,
          headers: { location: `${peer.origin}/loop/a` },
        }));
      for (let i = 0; i < 40; i++) {
        peer.put(`/chain/${i}`, () =>
          new Response(null, {
            status: 302,
            headers: { location: `${peer.origin}/chain/${i + 1}` },
          }));
      }
      for (
        const path of [
          "/users/alias",
          "/users/foreign",
          "/notes/a",
          "/loop/a",
          "/chain/0",
        ]
      ) {
        const res = await apiFetch(
          instance,
          alice.token,
          `/api/v2/search?resolve=true&q=${
            encodeURIComponent(`${peer.origin}${path}`)
          }`,
        );
        assert.equal(res.status, 200, path);
        const body = await res.json();
        assert.equal(body.accounts.length + body.statuses.length, 0, path);
      }
      const [{ n }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM accounts
        WHERE uri LIKE ${`${peer.origin}/users/%`} AND uri <> ${`${peer.origin}/users/real`}
           OR uri LIKE ${`${other.origin}/%`}`;
      assert.equal(n, 0, "no impostor stored");
      const [{ s }] = await instance.deps.sql<{ s: number }[]>`
        SELECT count(*)::int AS s FROM statuses WHERE uri LIKE ${`${peer.origin}/notes/%`}`;
      assert.equal(s, 0, "no note under a mismatching id");
      const chainHits = peer.hits.filter((h) => h.startsWith("/chain/"));
      // Three lookups (as a post, as an actor, as a page), each giving up after 5 redirects.
      assert.ok(
        chainHits.length <= 3 * 6,
        `redirects followed: ${chainHits.length}`,
      );
    } finally {
      await other.close();
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a document served as anything but ActivityPub JSON is not taken for an actor or post",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const real = await peer.actor("real");
      for (const type of ["text/plain", "text/html", "image/png"]) {
        const name = type.replace(/\W/g, "");
        const id = `${peer.origin}/uploads/${name}`;
        const body = JSON.stringify({
          "@context": AS_CONTEXT,
          id,
          type: "Note",
          attributedTo: real.id,
          content: `uploaded ${type}`,
          to: ["https://www.w3.org/ns/activitystreams#Public"],
        });
        peer.put(
          `/uploads/${name}`,
          () => new Response(body, { headers: { "content-type": type } }),
        );
        const res = await apiFetch(
          instance,
          alice.token,
          `/api/v2/search?resolve=true&q=${encodeURIComponent(id)}`,
        );
        const found = await res.json();
        assert.equal(found.statuses.length, 0, type);
      }
      const [{ n }] = await instance.deps.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM statuses WHERE uri LIKE ${`${peer.origin}/uploads/%`}`;
      assert.equal(n, 0);
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "a signing key reached by more than 5 redirects, or served as text/plain, is not trusted: the delivery is refused",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    const peer = startFakePeer();
    try {
      const mallory = await peer.actor("mallory");
      // /hops/<n>/<i> redirects until i = n, then lands on the actor (its only key).
      for (let n = 0; n <= 6; n++) {
        for (let i = 0; i < n; i++) {
          peer.put(`/hops/${n}/${i}`, () =>
            new Response(null, {
              status: 302,
              headers: {
                location: i + 1 < n
                  ? `${peer.origin}/hops/${n}/${i + 1}`
                  : mallory.id,
              },
            }));
        }
      }
      const asPlainText = await (await fetch(mallory.id)).text();
      peer.put(
        "/plain-key",
        () =>
          new Response(asPlainText, {
            headers: { "content-type": "text/plain" },
          }),
      );
      const deliver = async (keyId: string, name: string) => {
        const id = `${peer.origin}/notes/${name}`;
        const res = await peer.deliver(mallory, `${instance.origin}/inbox`, {
          "@context": AS_CONTEXT,
          id: `${id}#create`,
          type: "Create",
          actor: mallory.id,
          to: ["https://www.w3.org/ns/activitystreams#Public"],
          object: {
            id,
            type: "Note",
            attributedTo: mallory.id,
            content: name,
            to: ["https://www.w3.org/ns/activitystreams#Public"],
          },
        }, { keyId });
        await res.body?.cancel();
        return { status: res.status, id };
      };
      const stored = async (uri: string) => {
        const [{ n }] = await instance.deps.sql<{ n: number }[]>`
          SELECT count(*)::int AS n FROM statuses WHERE uri = ${uri}`;
        return n;
      };
      // Five redirects are followed: the key is found and the post stored.
      const five = await deliver(`${peer.origin}/hops/5/0`, "five");
      assert.equal(five.status, 202);
      await eventually("post stored", async () => await stored(five.id) === 1);

      const six = await deliver(`${peer.origin}/hops/6/0`, "six");
      assert.equal(six.status, 401, "six redirects");
      const plain = await deliver(`${peer.origin}/plain-key`, "plain");
      assert.equal(plain.status, 401, "key served as text/plain");
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await stored(six.id), 0);
      assert.equal(await stored(plain.id), 0);
    } finally {
      await peer.close();
      await instance.close();
    }
  },
});
