/**
 * Rate limits as Mastodon's: per token or unauthenticated IP on the API, per IP on sign-up and
 * sign-in. Loopback clients are exempt; X-Forwarded-For counts only from a trusted proxy.
 * (Requests here come from loopback, the default trusted proxy, carrying a public client address.)
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";

const form = (client: string) => ({
  method: "POST",
  headers: {
    "content-type": "application/x-www-form-urlencoded",
    "x-forwarded-for": client,
  },
  body: "username=x",
});

Deno.test("sign-ups: the 6th attempt from one address in 30 minutes gets a JSON 429", async () => {
  const instance = await startTestInstance();
  try {
    for (let i = 1; i <= 5; i++) {
      const response = await instance.fetch(
        "/auth/sign_up",
        form("203.0.113.7"),
      );
      await response.body?.cancel();
      assert.notEqual(response.status, 429, `attempt ${i}`);
      assert.equal(response.headers.get("x-ratelimit-limit"), "5");
      assert.equal(
        response.headers.get("x-ratelimit-remaining"),
        String(5 - i),
      );
    }
    const limited = await instance.fetch("/auth/sign_up", form("203.0.113.7"));
    assert.equal(limited.status, 429);
    assert.deepEqual(await limited.json(), { error: "Too many requests" });
    assert.equal(limited.headers.get("x-ratelimit-remaining"), "0");
    assert.ok(
      Date.parse(limited.headers.get("x-ratelimit-reset")!) > Date.now(),
    );
    // Another address is not affected.
    const other = await instance.fetch("/auth/sign_up", form("198.51.100.2"));
    await other.body?.cancel();
    assert.notEqual(other.status, 429);
  } finally {
    await instance.close();
  }
});

Deno.test("API: 300 requests per 5 minutes per unauthenticated address; loopback exempt", async () => {
  const instance = await startTestInstance();
  try {
    const hit = async (headers: HeadersInit) => {
      const response = await instance.fetch("/api/v1/no-such-endpoint", {
        headers,
      });
      await response.body?.cancel();
      return response;
    };
    for (let i = 0; i < 300; i++) {
      assert.notEqual(
        (await hit({ "x-forwarded-for": "203.0.113.9" })).status,
        429,
      );
    }
    assert.equal((await hit({ "x-forwarded-for": "203.0.113.9" })).status, 429);
    // A token is its own bucket.
    assert.notEqual(
      (await hit({
        "x-forwarded-for": "203.0.113.9",
        authorization: "Bearer abc",
      })).status,
      429,
    );
    // Loopback clients (no forwarded address) are exempt.
    for (let i = 0; i < 310; i++) assert.notEqual((await hit({})).status, 429);
  } finally {
    await instance.close();
  }
});

Deno.test("X-Forwarded-For from an untrusted peer is ignored", async () => {
  const instance = await startTestInstance({
    env: { TRUSTED_PROXIES: "10.1.2.3" },
  });
  try {
    // The peer is loopback but not trusted: its claimed client address is ignored, and the
    // request counts as loopback (exempt) — spoofing the header buys nothing.
    for (let i = 0; i < 8; i++) {
      const response = await instance.fetch(
        "/auth/sign_up",
        form("203.0.113.7"),
      );
      await response.body?.cancel();
      assert.notEqual(response.status, 429);
      assert.equal(response.headers.get("x-ratelimit-limit"), null);
    }
  } finally {
    await instance.close();
  }
});
