/**
 * `Link` paging headers are built on the public ORIGIN, not on the request URL: behind a
 * TLS-terminating proxy the server sees `http://127.0.0.1:PORT/...`, which apps can't follow.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken, follow } from "../helpers/users.ts";

const PUBLIC = "https://social.example";

Deno.test("Link headers use the public origin behind a proxy", async () => {
  const instance = await startTestInstance({ env: { ORIGIN: PUBLIC } });
  try {
    assert.notEqual(instance.origin, PUBLIC);
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    await follow(instance, bob, alice);
    for (let i = 0; i < 3; i++) {
      await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: { status: `post ${i}` },
      });
    }
    const links = async (path: string, token = alice.token) => {
      const res = await apiFetch(instance, token, path);
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
      instance,
      alice.token,
      next.pathname + next.search,
    );
    assert.equal((await res.json()).length, 1);
  } finally {
    await instance.close();
  }
});
