/**
 * `Link` paging headers are built on the public ORIGIN, not on the request URL: behind a
 * TLS-terminating proxy that passes `Host` the server sees `http://social.example/...` (plain
 * HTTP), whose scheme apps can't follow; and it mustn't redirect those requests to ORIGIN.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken, follow } from "../helpers/users.ts";

const PUBLIC = "https://social.example";

Deno.test("Link headers use the public origin behind a proxy", async () => {
  const instance = await startTestInstance({ env: { ORIGIN: PUBLIC } });
  try {
    assert.notEqual(instance.origin, PUBLIC);
    // What the proxy hands on: the request over plain HTTP with the public Host, from loopback.
    // (`fetch` can't set `Host`, so it goes to the server's handler as the listener would.)
    const proxied = {
      fetch: (path: string, init?: RequestInit) =>
        instance.starling.handler(
          new Request(new URL(path, `http://${new URL(PUBLIC).host}`), init),
          {
            remoteAddr: { transport: "tcp", hostname: "127.0.0.1", port: 4000 },
            completed: Promise.resolve(),
          },
        ),
    };
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    await follow(instance, bob, alice);
    for (let i = 0; i < 3; i++) {
      await apiFetch(proxied, alice.token, "/api/v1/statuses", {
        body: { status: `post ${i}` },
      });
    }
    const links = async (path: string, token = alice.token) => {
      const res = await apiFetch(proxied, token, path);
      assert.equal(res.status, 200, path);
      await res.body?.cancel();
      const link = res.headers.get("link");
      assert.ok(link, `${path} has a Link header`);
      const targets = [...link.matchAll(/<([^>]+)>; rel="(next|prev)"/g)];
      assert.equal(targets.length, 2, link);
      return targets.map((m) => new URL(m[1]));
    };
    for (
      const path of [
        "/api/v1/timelines/home?limit=2&local=true",
        `/api/v1/accounts/${alice.account.id}/statuses?limit=2`,
        `/api/v1/accounts/${alice.account.id}/followers`,
        "/api/v1/timelines/public?limit=2",
      ]
    ) {
      for (const url of await links(path)) {
        assert.equal(url.origin, PUBLIC, `${path}: ${url}`);
        assert.equal(url.pathname, path.split("?")[0]);
        assert.ok(
          url.searchParams.has("max_id") || url.searchParams.has("min_id"),
        );
        if (path.includes("limit=2")) {
          assert.equal(url.searchParams.get("limit"), "2");
        }
      }
    }
    const [next] = await links("/api/v1/timelines/home?limit=2");
    // The public link maps back onto the server: same path and query work locally.
    const res = await apiFetch(
      proxied,
      alice.token,
      next.pathname + next.search,
    );
    assert.equal((await res.json()).length, 1);
  } finally {
    await instance.close();
  }
});
