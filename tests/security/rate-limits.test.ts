/**
 * Rate limits as Mastodon's: 300 API requests / 5 min per token or unauthenticated address and
 * 1,500 per user, 5 sign-ups / 30 min per address, 25 sign-in attempts / 5 min per address and
 * per account, 30 media uploads / 30 min per user. A refusal is a 429 with X-RateLimit-Limit,
 * -Remaining, -Reset and Retry-After (JSON `{"error"}`, or the sign-in page with a message).
 * Loopback clients are exempt; X-Forwarded-For counts only from a trusted proxy. (Requests here
 * come from loopback, the default trusted proxy, carrying a public client address.)
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { FormClient } from "../helpers/forms.ts";
import { smallPng } from "../media/helpers.ts";
import { issueUserToken, registerApplication } from "../../lib/domain/oauth.ts";

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
    const limited = await hit({ "x-forwarded-for": "203.0.113.9" });
    assert.equal(limited.status, 429);
    // A browser app on another origin can read that it was limited.
    assert.equal(limited.headers.get("access-control-allow-origin"), "*");
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

/** `count` requests made by `request(i)`, 50 at a time; their statuses, bodies read. */
async function statuses(
  count: number,
  request: (i: number) => Promise<Response>,
): Promise<number[]> {
  const result: number[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + 50); i++) {
      batch.push(
        request(i).then(async (response) => {
          await response.body?.cancel();
          return response.status;
        }),
      );
    }
    result.push(...await Promise.all(batch));
  }
  return result;
}

/** An API request from the public address `client`, with `token`. */
function apiFrom(
  instance: TestInstance,
  client: string,
  token: string,
  path = "/api/v1/apps/verify_credentials",
): Promise<Response> {
  return instance.fetch(path, {
    headers: { authorization: `Bearer ${token}`, "x-forwarded-for": client },
  });
}

/** Another token of `user`, as another app or device would hold. */
async function anotherToken(
  instance: TestInstance,
  user: { user: { id: string } },
): Promise<string> {
  const { sql } = instance.deps;
  const { app } = await registerApplication(sql, {
    name: "Another app",
    redirectUris: ["urn:ietf:wg:oauth:2.0:oob"],
    scopes: "read write",
  });
  const { accessToken } = await issueUserToken(
    sql,
    app.id,
    user.user.id,
    "read write",
  );
  return accessToken;
}

async function assertJson429(response: Response, limit: number) {
  assert.equal(response.status, 429);
  assert.deepEqual(await response.json(), { error: "Too many requests" });
  assert.equal(response.headers.get("x-ratelimit-limit"), String(limit));
  assert.equal(response.headers.get("x-ratelimit-remaining"), "0");
  assert.ok(
    Date.parse(response.headers.get("x-ratelimit-reset")!) > Date.now(),
  );
  assert.ok(Number(response.headers.get("retry-after")) > 0);
}

Deno.test("API: 300 requests per 5 minutes per token; the user's other tokens go on", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const codes = await statuses(
      300,
      () => apiFrom(instance, "203.0.113.20", alice.token),
    );
    assert.deepEqual(new Set(codes), new Set([200]));
    await assertJson429(
      await apiFrom(instance, "203.0.113.20", alice.token),
      300,
    );
    // Another address does not help the same token.
    const elsewhere = await apiFrom(instance, "198.51.100.20", alice.token);
    await elsewhere.body?.cancel();
    assert.equal(elsewhere.status, 429);
    // A second token of the same user has its own 300.
    const second = await apiFrom(
      instance,
      "203.0.113.20",
      await anotherToken(instance, alice),
    );
    await second.body?.cancel();
    assert.equal(second.status, 200);
  } finally {
    await instance.close();
  }
});

Deno.test("API: 1,500 requests per 5 minutes per user, across all their tokens", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const tokens = [alice.token];
    for (let i = 1; i < 6; i++) {
      tokens.push(await anotherToken(instance, alice));
    }
    // Each token stays under its own 300; together they reach the user's 1,500.
    const codes = await statuses(
      1500,
      (i) => apiFrom(instance, `203.0.113.${30 + (i % 6)}`, tokens[i % 6]),
    );
    assert.deepEqual(new Set(codes), new Set([200]));
    const seventh = await anotherToken(instance, alice);
    await assertJson429(await apiFrom(instance, "203.0.113.40", seventh), 1500);
    // Another user is not affected.
    const other = await apiFrom(instance, "203.0.113.30", bob.token);
    await other.body?.cancel();
    assert.equal(other.status, 200);
  } finally {
    await instance.close();
  }
});

Deno.test("sign-in: 25 attempts per 5 minutes per account, whatever the addresses; the form says so", async () => {
  const instance = await startTestInstance();
  try {
    await createUserWithToken(instance, "alice");
    await createUserWithToken(instance, "bob");
    const browser = new FormClient(instance.origin);
    const { csrf } = await browser.page("/auth/sign_in");
    const attempt = (client: string, login: string, password: string) =>
      browser.request("/auth/sign_in", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: instance.origin,
          "x-forwarded-for": client,
        },
        body: new URLSearchParams({
          _csrf: csrf,
          login,
          password,
          return_to: "/home",
        }),
      });
    const guesses = await statuses(
      25,
      (i) => attempt(`203.0.113.${100 + i}`, "alice", `guess ${i}`),
    );
    assert.deepEqual(new Set(guesses), new Set([401]));
    // The 26th, from a new address, is refused even with the right password (any spelling of
    // the login names the same bucket).
    const refused = await attempt("198.51.100.50", "ALICE", "a good password");
    assert.equal(refused.status, 429);
    assert.match(refused.headers.get("content-type") ?? "", /text\/html/);
    assert.match(await refused.text(), /Too many sign-in attempts/);
    assert.equal(refused.headers.get("x-ratelimit-limit"), "25");
    assert.equal(refused.headers.get("x-ratelimit-remaining"), "0");
    assert.ok(Number(refused.headers.get("retry-after")) > 0);
    assert.ok(!browser.cookies.has("starling_session"), "not signed in");
    // Another account, from that same address, can still sign in.
    const bob = await attempt("198.51.100.50", "bob", "a good password");
    await bob.body?.cancel();
    assert.equal(bob.status, 303);
  } finally {
    await instance.close();
  }
});

Deno.test("sign-in: 25 attempts per 5 minutes per address, whatever the accounts", async () => {
  const instance = await startTestInstance();
  try {
    await createUserWithToken(instance, "alice");
    const browser = new FormClient(instance.origin);
    const { csrf } = await browser.page("/auth/sign_in");
    const attempt = (client: string, login: string) =>
      browser.request("/auth/sign_in", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: instance.origin,
          "x-forwarded-for": client,
        },
        body: new URLSearchParams({
          _csrf: csrf,
          login,
          password: "a good password",
          return_to: "/home",
        }),
      });
    const tries = await statuses(
      25,
      (i) => attempt("203.0.113.60", `nobody${i}`),
    );
    assert.deepEqual(new Set(tries), new Set([401]));
    const refused = await attempt("203.0.113.60", "alice");
    assert.equal(refused.status, 429);
    assert.match(await refused.text(), /Too many sign-in attempts/);
    // The same account from another address is fine.
    const elsewhere = await attempt("198.51.100.60", "alice");
    await elsewhere.body?.cancel();
    assert.equal(elsewhere.status, 303);
  } finally {
    await instance.close();
  }
});

Deno.test("media: 30 uploads per 30 minutes per account, across its tokens", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const second = await anotherToken(instance, alice);
    const png = await smallPng(2, 2);
    const uploadAs = (token: string) => {
      const form = new FormData();
      form.set(
        "file",
        new File([png as Uint8Array<ArrayBuffer>], "dot.png", {
          type: "image/png",
        }),
      );
      return instance.fetch("/api/v2/media", {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "x-forwarded-for": "203.0.113.70",
        },
        body: form,
      });
    };
    const codes = await statuses(
      30,
      (i) => uploadAs(i % 2 ? second : alice.token),
    );
    assert.deepEqual(new Set(codes), new Set([200]));
    await assertJson429(await uploadAs(alice.token), 30);
    // Other requests of the account, and other accounts' uploads, go on.
    const read = await apiFrom(instance, "203.0.113.70", alice.token);
    await read.body?.cancel();
    assert.equal(read.status, 200);
    const bobs = await uploadAs(bob.token);
    await bobs.body?.cancel();
    assert.equal(bobs.status, 200);
  } finally {
    await instance.close();
  }
});
