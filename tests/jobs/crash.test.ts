/**
 * What a committed post is owed, even when the server is killed (`kill -9`) mid-burst with a
 * fan-out in flight: after the restart, every post the API acknowledged reaches every remote
 * follower (at least once; peers dedupe by activity id) and is in every local follower's home
 * timeline. On the embedded default and on Postgres, with a real server process, 8 concurrent
 * writers through the API, and recording inboxes on loopback, one per remote follower (so the
 * shared-inbox deduplication can't hide a missing delivery).
 *
 * Streams are not checked after the restart: a stream is a connection to the killed process,
 * and clients reconnect and reload their timeline, which is checked.
 */
import assert from "node:assert/strict";
import { followFrom, startFakePeer, startInbox } from "../helpers/fake-peer.ts";
import {
  freePort,
  type ServerProcess,
  startServer,
} from "../helpers/server-process.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { eventually } from "../federation/helpers.ts";

const WRITERS = 8;
const POSTS_EACH = 5;
const REMOTE_FOLLOWERS = 3;
const LOCAL_FOLLOWERS = 2;
/** Acknowledged posts before the kill: mid-burst, with their deliveries in flight. */
const KILL_AFTER = 12;

async function call(
  origin: string,
  token: string | null,
  path: string,
  body?: Record<string, unknown>,
): Promise<Response> {
  return await fetch(`${origin}${path}`, {
    method: body ? "POST" : "GET",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

async function jsonOf(res: Response) {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return await res.json();
}

/** Signs up `names` through the API (no database access: the embedded one is the server's). */
async function signUpAll(origin: string, names: string[]) {
  const app = await jsonOf(
    await call(origin, null, "/api/v1/apps", {
      client_name: "crash test",
      redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
      scopes: "read write follow",
    }),
  );
  const appToken = (await jsonOf(
    await call(origin, null, "/oauth/token", {
      grant_type: "client_credentials",
      client_id: app.client_id,
      client_secret: app.client_secret,
      scope: "read write follow",
    }),
  )).access_token;
  const users: { name: string; token: string; id: string }[] = [];
  for (const name of names) {
    const { access_token: token } = await jsonOf(
      await call(origin, appToken, "/api/v1/accounts", {
        username: name,
        email: `${name}@example.com`,
        password: "a long enough password 123",
        agreement: true,
      }),
    );
    const me = await jsonOf(
      await call(origin, token, "/api/v1/accounts/verify_credentials"),
    );
    users.push({ name, token, id: me.id });
  }
  return users;
}

async function crashDuringBurst(kind: "embedded" | "postgres") {
  const database = kind === "postgres" ? await createTestDatabase() : null;
  const dataDir = await Deno.makeTempDir({ prefix: "starling-crash-" });
  const port = freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    ORIGIN: origin,
    DATA_DIR: dataDir,
    SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
    ALLOW_PRIVATE_ADDRESS: "true",
    DELIVERY_RETRY_SCALE: "0.001",
    ...(database ? { DATABASE_URL: database.url } : {}),
  };
  const peer = startFakePeer();
  const inboxes = Array.from({ length: REMOTE_FOLLOWERS }, () => {
    const inboxPort = freePort();
    return { port: inboxPort, inbox: startInbox(inboxPort) };
  });
  let server: ServerProcess | null = await startServer(env);
  try {
    const writers = await signUpAll(
      origin,
      Array.from({ length: WRITERS }, (_, i) => `writer${i}`),
    );
    const readers = await signUpAll(
      origin,
      Array.from({ length: LOCAL_FOLLOWERS }, (_, i) => `reader${i}`),
    );
    for (const reader of readers) {
      for (const writer of writers) {
        await jsonOf(
          await call(
            origin,
            reader.token,
            `/api/v1/accounts/${writer.id}/follow`,
            {},
          ),
        );
      }
    }
    for (const [i, { port: inboxPort }] of inboxes.entries()) {
      const actor = await peer.actor(`remote${i}`, {
        inboxOrigin: `http://127.0.0.1:${inboxPort}`,
      });
      for (const writer of writers) {
        await followFrom(origin, peer, actor, writer.name);
      }
    }
    // Every remote Follow is stored (and its Accept sent) before the burst.
    await eventually("remote follows stored", async () => {
      const counts = await Promise.all(writers.map(async (w) =>
        (await jsonOf(
          await call(origin, w.token, `/api/v1/accounts/${w.id}`),
        )).followers_count
      ));
      return counts.every((n) => n === REMOTE_FOLLOWERS + LOCAL_FOLLOWERS);
    }, 20_000);

    // The burst: 8 writers posting at once; the server is killed mid-way.
    const acknowledged: string[] = [];
    const killed = Promise.withResolvers<void>();
    const burst = writers.map(async (writer) => {
      for (let i = 0; i < POSTS_EACH; i++) {
        const text = `crash-${kind}-${writer.name}-post${i}`;
        try {
          const res = await call(origin, writer.token, "/api/v1/statuses", {
            status: text,
          });
          await res.body?.cancel();
          if (res.status === 200 || res.status === 201) acknowledged.push(text);
        } catch {
          return; // the server is gone: this post was never acknowledged
        }
        if (acknowledged.length >= KILL_AFTER) killed.resolve();
      }
    });
    await Promise.race([killed.promise, Promise.all(burst)]);
    server.child.kill("SIGKILL");
    await server.child.status;
    server = null;
    await Promise.all(burst);
    assert.ok(acknowledged.length >= KILL_AFTER);

    server = await startServer(env);
    const missing = () =>
      inboxes.flatMap(({ inbox }, i) =>
        acknowledged.filter((text) => inbox.creates(text) === 0).map((text) =>
          `remote${i}: ${text}`
        )
      );
    await eventually(
      "every acknowledged post delivered to every remote follower",
      () => Promise.resolve(missing().length === 0),
      40_000,
    ).catch(() => assert.deepEqual(missing(), []));
    for (const reader of readers) {
      const home: { content: string }[] = await jsonOf(
        await call(origin, reader.token, "/api/v1/timelines/home?limit=40"),
      );
      const seen = home.map((s) => s.content).join("\n");
      assert.deepEqual(
        acknowledged.filter((text) => !seen.includes(text)),
        [],
        `${reader.name}'s home timeline`,
      );
    }
  } finally {
    if (server) {
      server.child.kill("SIGKILL");
      await server.child.status;
    }
    for (const { inbox } of inboxes) await inbox.close();
    await peer.close();
    await Deno.remove(dataDir, { recursive: true }).catch(() => {});
    await database?.drop();
  }
}

for (const kind of ["embedded", "postgres"] as const) {
  Deno.test({
    name:
      `kill -9 mid-burst (${kind}): every acknowledged post reaches every remote follower and every local home timeline after the restart`,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: () => crashDuringBurst(kind),
  });
}
