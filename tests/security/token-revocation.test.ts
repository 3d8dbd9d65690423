/**
 * Rule: revoking a token ends it at once — its API calls and its open streaming connections
 * (WebSocket and server-sent events) alike. Revocation happens through `POST /oauth/revoke`,
 * revoking an app on the authorized apps settings page (every token of the user for that app),
 * signing out of the web UI (the session's token), and changing the password (every token of
 * the user). The streaming hub hears `token.revoked` on the effects bus and closes the sockets.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import { issueUserToken, registerApplication } from "../../lib/domain/oauth.ts";
import {
  resumeWebSession,
  startWebSession,
  webApplication,
} from "../../lib/domain/sessions.ts";
import { SESSION_COOKIE } from "../../lib/web/session-cookie.ts";
import { FormClient } from "../helpers/forms.ts";

interface OpenStreams {
  /** Resolves when the server ends the WebSocket. */
  wsClosed: Promise<void>;
  /** Resolves when the server ends the SSE response. */
  sseEnded: Promise<void>;
  dispose(): void;
}

async function openStreams(
  instance: TestInstance,
  token: string,
): Promise<OpenStreams> {
  const ws = new WebSocket(
    `${
      instance.origin.replace("http", "ws")
    }/api/v1/streaming?stream=user&access_token=${token}`,
  );
  const wsClosed = new Promise<void>((resolve) => {
    ws.onclose = () => resolve();
  });
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error("WebSocket refused"));
  });
  const controller = new AbortController();
  const sse = await instance.fetch(
    `/api/v1/streaming/user?access_token=${token}`,
    { signal: controller.signal },
  );
  assert.equal(sse.status, 200);
  const reader = sse.body!.getReader();
  await reader.read(); // the ":)" greeting
  const sseEnded = (async () => {
    while (!(await reader.read()).done) { /* heartbeats */ }
  })().catch(() => {});
  // Wait for the hub to hold both.
  for (let i = 0; i < 50 && instance.deps.streams.size < 2; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    wsClosed,
    sseEnded,
    dispose() {
      if (ws.readyState === WebSocket.OPEN) ws.close();
      controller.abort();
    },
  };
}

async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`not within ${ms} ms: ${what}`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function userWithApp(instance: TestInstance, username: string) {
  const { user } = await signUp(instance.deps.sql, {
    username,
    email: `${username}@example.com`,
    password: "a good password",
  }, { registrations: "open", byOperator: true });
  const { app, clientSecret } = await registerApplication(instance.deps.sql, {
    name: "Streaming app",
    redirectUris: ["urn:ietf:wg:oauth:2.0:oob"],
    scopes: "read write follow push",
  });
  const { accessToken } = await issueUserToken(
    instance.deps.sql,
    app.id,
    user.id,
    "read write follow push",
  );
  return { user, app, clientSecret, token: accessToken };
}

async function statusWith(instance: TestInstance, token: string) {
  const res = await instance.fetch("/api/v1/accounts/verify_credentials", {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.body?.cancel();
  return res.status;
}

/** A browser signed in as `userId`, and its session's API token. */
async function signedInBrowser(instance: TestInstance, userId: string) {
  const browser = new FormClient(instance.origin);
  const sessionSecret = await startWebSession(
    instance.deps.sql,
    instance.deps.secret,
    userId,
    {},
  );
  browser.cookies.set(SESSION_COOKIE, sessionSecret);
  const session = await resumeWebSession(
    instance.deps.sql,
    instance.deps.secret,
    sessionSecret,
  );
  return { browser, accessToken: session!.accessToken };
}

async function assertEnded(
  instance: TestInstance,
  streams: OpenStreams,
  token: string,
) {
  await within(2000, "WebSocket closed", streams.wsClosed);
  await within(2000, "SSE ended", streams.sseEnded);
  const res = await instance.fetch("/api/v1/accounts/verify_credentials", {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.body?.cancel();
  assert.equal(res.status, 401, "the token no longer works");
}

Deno.test({
  name: "POST /oauth/revoke ends the token's open streams at once",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await userWithApp(instance, "alice");
      const bystander = await userWithApp(instance, "bob");
      const streams = await openStreams(instance, alice.token);
      const others = await openStreams(instance, bystander.token);
      try {
        const res = await instance.fetch("/oauth/revoke", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            client_id: alice.app.client_id,
            client_secret: alice.clientSecret,
            token: alice.token,
          }),
        });
        assert.equal(res.status, 200);
        await res.body?.cancel();
        await assertEnded(instance, streams, alice.token);
        // Other tokens' streams stay open.
        const still = await Promise.race([
          others.wsClosed.then(() => "closed"),
          new Promise((r) => setTimeout(() => r("open"), 300)),
        ]);
        assert.equal(still, "open", "another token's stream is untouched");
      } finally {
        streams.dispose();
        others.dispose();
      }
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "changing the password ends every token's streams; signing out ends the session's",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await userWithApp(instance, "alice");
      // A web session, whose token the web UI streams with.
      const browser = new FormClient(instance.origin);
      const sessionSecret = await startWebSession(
        instance.deps.sql,
        instance.deps.secret,
        alice.user.id,
        {},
      );
      browser.cookies.set(SESSION_COOKIE, sessionSecret);
      const session = await resumeWebSession(
        instance.deps.sql,
        instance.deps.secret,
        sessionSecret,
      );
      const sessionStreams = await openStreams(instance, session!.accessToken);
      try {
        const { csrf } = await browser.page("/settings/password");
        const signOut = await browser.post("/auth/sign_out", { _csrf: csrf });
        await signOut.body?.cancel();
        assert.equal(signOut.status, 303);
        await assertEnded(instance, sessionStreams, session!.accessToken);
      } finally {
        sessionStreams.dispose();
      }

      const appStreams = await openStreams(instance, alice.token);
      // Another browser of Alice's: its session token and streams end too.
      const laptop = await signedInBrowser(instance, alice.user.id);
      const laptopStreams = await openStreams(instance, laptop.accessToken);
      const browser2 = new FormClient(instance.origin);
      browser2.cookies.set(
        SESSION_COOKIE,
        await startWebSession(
          instance.deps.sql,
          instance.deps.secret,
          alice.user.id,
          {},
        ),
      );
      try {
        const { csrf } = await browser2.page("/settings/password");
        const changed = await browser2.post("/settings/password", {
          _csrf: csrf,
          current_password: "a good password",
          password: "another good password",
          password_confirmation: "another good password",
        });
        await changed.body?.cancel();
        assert.equal(changed.status, 303);
        await assertEnded(instance, appStreams, alice.token);
        await assertEnded(instance, laptopStreams, laptop.accessToken);
        assert.notEqual(
          (await laptop.browser.page("/settings/password")).status,
          200,
          "the other browser is signed out",
        );
        assert.equal(
          (await browser2.page("/settings/password")).status,
          200,
          "the browser that changed it stays signed in",
        );
      } finally {
        appStreams.dispose();
        laptopStreams.dispose();
      }
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "revoking an app on the authorized apps page ends all its tokens and streams, and only those",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await userWithApp(instance, "alice");
      const { sql } = instance.deps;
      const secondDevice = await issueUserToken(
        sql,
        alice.app.id,
        alice.user.id,
        "read",
      );
      const { app: otherApp } = await registerApplication(sql, {
        name: "Other app",
        redirectUris: ["urn:ietf:wg:oauth:2.0:oob"],
        website: "https://other.example/",
      });
      const other = await issueUserToken(
        sql,
        otherApp.id,
        alice.user.id,
        "read",
      );
      const bob = await userWithApp(instance, "bob");
      const { browser, accessToken: sessionToken } = await signedInBrowser(
        instance,
        alice.user.id,
      );

      const listed = await browser.page("/settings/authorized_applications");
      assert.equal(listed.status, 200);
      const appIds = [
        ...listed.html.matchAll(/name="application_id" value="(\d+)"/g),
      ].map((m) => m[1]).sort();
      assert.deepEqual(
        appIds,
        [alice.app.id, otherApp.id].sort(),
        "both apps are listed, the web app (this session) is not",
      );
      assert.match(listed.html, /Streaming app/);
      assert.match(listed.html, /read, write, follow, push/);
      assert.match(listed.html, /href="https:\/\/other.example\/"/);

      // Without the CSRF token nothing happens.
      const forged = await browser.post("/settings/authorized_applications", {
        application_id: alice.app.id,
      });
      await forged.body?.cancel();
      assert.equal(forged.status, 403);
      assert.equal(await statusWith(instance, alice.token), 200);

      // The web app's session token can't be revoked from here: it is a sign-out.
      const web = await webApplication(sql);
      const refused = await browser.post("/settings/authorized_applications", {
        _csrf: listed.csrf,
        application_id: web.id,
      });
      await refused.body?.cancel();
      assert.equal(refused.status, 404);
      assert.equal(await statusWith(instance, sessionToken), 200);

      let location = "";
      const streams = await openStreams(instance, alice.token);
      const bobStreams = await openStreams(instance, bob.token);
      try {
        const revoked = await browser.post(
          "/settings/authorized_applications",
          { _csrf: listed.csrf, application_id: alice.app.id },
        );
        await revoked.body?.cancel();
        assert.equal(revoked.status, 303);
        location = revoked.headers.get("location") ?? "";
        await assertEnded(instance, streams, alice.token);
        assert.equal(await statusWith(instance, secondDevice.accessToken), 401);
        // Another app of Alice, Bob's token of the same app, and the session keep working.
        assert.equal(await statusWith(instance, other.accessToken), 200);
        assert.equal(await statusWith(instance, bob.token), 200);
        assert.equal(await statusWith(instance, sessionToken), 200);
        const still = await Promise.race([
          bobStreams.wsClosed.then(() => "closed"),
          new Promise((r) => setTimeout(() => r("open"), 300)),
        ]);
        assert.equal(
          still,
          "open",
          "another user's stream of the app is untouched",
        );
      } finally {
        streams.dispose();
        bobStreams.dispose();
      }

      const after = await browser.page(location);
      assert.match(after.html, /Access revoked/);
      assert.doesNotMatch(after.html, /Streaming app/);
      assert.match(after.html, /Other app/);
    } finally {
      await instance.close();
    }
  },
});
