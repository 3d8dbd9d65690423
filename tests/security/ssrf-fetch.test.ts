/**
 * The fetcher behind every federation fetch (`lib/net/pinned-fetch.ts`, used by the
 * document loader and WebFinger), as a specification:
 * - a host name is resolved once, every address it resolves to is checked, and the socket
 *   connects to the checked address: a DNS answer that turns into 127.0.0.1 after the check
 *   (rebinding) reaches nothing;
 * - `data:` and `file:` are never fetched; bodies over the cap and responses slower than the
 *   total timeout are cut off;
 * - a document's id must be on the origin it was finally served from (after redirects);
 * - a redirect into loopback is refused like a direct request to it (WebFinger too).
 *
 * What a running instance refuses is in `ssrf.test.ts`.
 */
import assert from "node:assert/strict";
import { AS_CONTEXT, startFakePeer } from "../helpers/fake-peer.ts";
import { connectionCounter } from "../helpers/connection-counter.ts";
import { pinnedFetch } from "../../lib/net/mod.ts";
import { strictDocumentLoader } from "../../lib/federation/document-loader.ts";
import { webFingerActorId } from "../../lib/federation/webfinger.ts";

/** A resolver playing DNS: `answers` in turn (the last one repeats), counting the questions. */
function rebindingResolver(...answers: string[][]) {
  const resolver = {
    questions: 0,
    resolve: (_host: string) =>
      Promise.resolve(
        answers[Math.min(resolver.questions++, answers.length - 1)],
      ),
  };
  return resolver;
}

Deno.test({
  name:
    "a host name is resolved once and the connection goes to the checked address (no DNS rebinding)",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const target = connectionCounter();
    const peer = startFakePeer();
    try {
      await peer.actor("x");
      const loader = (resolve: (host: string) => Promise<string[]>) =>
        strictDocumentLoader({
          allowPrivateAddress: false,
          maxRedirects: 5,
          userAgent: "test",
          resolve,
        });
      // Public for the check, loopback afterwards. 100::1 is public but discards everything
      // (RFC 6666), so the pinned connection fails there instead of reaching anyone.
      const dns = rebindingResolver(["100::1"], ["127.0.0.1"]);
      await assert.rejects(
        loader(dns.resolve)(`http://rebind.example:${target.port}/users/x`),
      );
      assert.equal(dns.questions, 1, "resolved once");
      // Loopback among the answers: refused before connecting.
      const mixed = rebindingResolver(["93.184.215.14", "127.0.0.1"]);
      await assert.rejects(
        loader(mixed.resolve)(`http://mixed.example:${target.port}/users/x`),
      );
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(target.connections, 0, "no connection reached loopback");

      // With private addresses allowed, the socket goes where our resolver said, whatever the
      // system DNS thinks of the name.
      const port = new URL(peer.origin).port;
      const res = await pinnedFetch(`http://rebind.example:${port}/users/x`, {
        allowPrivateAddress: true,
        resolve: rebindingResolver(["127.0.0.1"]).resolve,
      });
      assert.equal(res.status, 200);
      assert.equal((await res.json()).preferredUsername, "x");
    } finally {
      target.close();
      await peer.close();
    }
  },
});

Deno.test({
  name:
    "data: and file: URLs are never fetched; slow or huge responses are cut off",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const encoder = new TextEncoder();
    const server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen() {} },
      (req) => {
        const path = new URL(req.url).pathname;
        if (path === "/endless") {
          return new Response(
            new ReadableStream({
              pull: (c) => c.enqueue(new Uint8Array(64 * 1024)),
            }),
            { headers: { "content-type": "application/activity+json" } },
          );
        }
        if (path === "/drip") {
          return new Response(
            new ReadableStream({
              async pull(c) {
                await new Promise((r) => setTimeout(r, 100));
                c.enqueue(encoder.encode(" "));
              },
            }),
            { headers: { "content-type": "application/activity+json" } },
          );
        }
        return new Response("not found", { status: 404 });
      },
    );
    const origin = `http://127.0.0.1:${server.addr.port}`;
    const allowed = { allowPrivateAddress: true };
    try {
      for (
        const url of [
          'data:application/activity+json,{"type":"Person"}',
          "file:///etc/passwd",
        ]
      ) {
        await assert.rejects(pinnedFetch(url, allowed), /not http\(s\)/, url);
      }
      // The document loader reads at most 1 MB of a document.
      const loader = strictDocumentLoader({
        ...allowed,
        maxRedirects: 5,
        userAgent: "test",
      });
      await assert.rejects(loader(`${origin}/endless`), /too large/);
      // A body still dripping when the total time is up is cut off (30 s by default).
      const drip = await pinnedFetch(`${origin}/drip`, {
        ...allowed,
        timeoutMs: 500,
      });
      assert.equal(drip.status, 200);
      await assert.rejects(drip.text(), /timed out/);
    } finally {
      await server.shutdown();
    }
  },
});

Deno.test({
  name:
    "a document's id must be on the origin it was finally served from, also after a redirect",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const peer = startFakePeer();
    const other = startFakePeer();
    try {
      const person = (id: string) => ({
        "@context": AS_CONTEXT,
        id,
        type: "Person",
        preferredUsername: "p",
        inbox: `${id}/inbox`,
      });
      const moved = (location: string) => () =>
        new Response(null, { status: 301, headers: { location } });
      other.put("/users/honest", person(`${other.origin}/users/honest`));
      other.put("/users/liar", person(`${peer.origin}/users/victim`));
      peer.put("/go/honest", moved(`${other.origin}/users/honest`));
      peer.put("/go/liar", moved(`${other.origin}/users/liar`));
      const loader = strictDocumentLoader({
        allowPrivateAddress: true,
        maxRedirects: 5,
        userAgent: "test",
      });
      const honest = await loader(`${peer.origin}/go/honest`);
      assert.equal(honest.documentUrl, `${other.origin}/users/honest`);
      // Served by `other` but claiming to be `peer`'s (where the redirect started).
      await assert.rejects(loader(`${peer.origin}/go/liar`), /another origin/);
      await assert.rejects(
        loader(`${other.origin}/users/liar`),
        /another origin/,
      );
    } finally {
      await other.close();
      await peer.close();
    }
  },
});

Deno.test({
  name: "a WebFinger answer redirecting into loopback is not followed",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const target = connectionCounter();
    const peer = startFakePeer();
    try {
      const resource = "acct:x@remote.example";
      peer.put(
        `/.well-known/webfinger?resource=${encodeURIComponent(resource)}`,
        () =>
          Response.json({
            subject: resource,
            links: [{
              rel: "self",
              type: "application/activity+json",
              href: "https://remote.example/users/x",
            }],
          }, { headers: { "content-type": "application/jrd+json" } }),
      );
      // remote.example answers its WebFinger request with a redirect to `loopbackOrigin`; every
      // further hop is a real request.
      const redirectingRemote = (loopbackOrigin: string) =>
      (
        request: Request | URL | string,
        options: Parameters<typeof pinnedFetch>[1],
      ) => {
        const url = new URL(request instanceof Request ? request.url : request);
        if (url.hostname !== "remote.example") {
          return pinnedFetch(request, options);
        }
        return Promise.resolve(
          new Response(null, {
            status: 302,
            headers: {
              location: `${loopbackOrigin}${url.pathname}${url.search}`,
            },
          }),
        );
      };
      const lookup = (allowPrivateAddress: boolean, loopbackOrigin: string) =>
        webFingerActorId("x", "remote.example", {
          allowPrivateAddress,
          origin: "https://starling.example",
          fetchHop: redirectingRemote(loopbackOrigin),
        });
      // Followed when private addresses are allowed (the redirect itself is fine)…
      assert.equal(
        await lookup(true, peer.origin),
        "https://remote.example/users/x",
      );
      // …and refused, without a connection, when they are not.
      for (
        const loopback of [
          `http://127.0.0.1:${target.port}`,
          `http://[::ffff:127.0.0.1]:${target.port}`,
          `http://localhost:${target.port}`,
        ]
      ) {
        assert.equal(await lookup(false, loopback), null, loopback);
      }
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(target.connections, 0, "no connection reached loopback");
    } finally {
      target.close();
      await peer.close();
    }
  },
});
