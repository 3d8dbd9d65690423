/**
 * Process roles on one Postgres, as an operator scales out: two `ROLE=web` processes behind one
 * ORIGIN (web #1 on 127.0.0.1, web #2 on 127.0.0.2, same port) and two `ROLE=worker` processes.
 * A post made through web #1 reaches a streaming client on web #2 and is delivered to a remote
 * follower exactly once; web processes run no queue (deliveries wait for a worker); workers serve
 * `/health` only; periodic work (pruning stale uploads) runs once per period, not once per worker.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { createTestDatabase } from "./helpers/db.ts";
import {
  freePort,
  type ServerProcess,
  startServer,
} from "./helpers/server-process.ts";
import { followFrom, startFakePeer, startInbox } from "./helpers/fake-peer.ts";
import { createUserWithToken } from "./helpers/users.ts";
import { eventually } from "./federation/helpers.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An event stream read over a raw connection to `address`, with `Host` set to the ORIGIN's
 * host (web #2 listens on another address than the one ORIGIN names; a proxy would pass Host).
 */
async function openEventStream(
  address: { hostname: string; port: number },
  host: string,
  path: string,
) {
  const conn = await Deno.connect(address);
  await conn.write(new TextEncoder().encode(
    `GET ${path} HTTP/1.1\r\nhost: ${host}\r\naccept: text/event-stream\r\n\r\n`,
  ));
  let received = "";
  const reading = (async () => {
    for await (
      const chunk of conn.readable.pipeThrough(new TextDecoderStream())
    ) {
      received += chunk;
    }
  })().catch(() => {});
  return {
    text: () => received,
    close: async () => {
      try {
        conn.close();
      } catch { /* closed by the server */ }
      await reading;
    },
  };
}

Deno.test({
  name:
    "two web and two worker processes on one Postgres: streamed across processes, delivered once",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const database = await createTestDatabase();
    const dataDir = await Deno.makeTempDir({ prefix: "starling-roles-" });
    const peer = startFakePeer();
    const inboxPort = freePort();
    const inbox = startInbox(inboxPort);
    const processes: ServerProcess[] = [];
    const port = freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env = (role: string, hostname: string, listenPort: number) => ({
      ROLE: role,
      PORT: String(listenPort),
      HOSTNAME: hostname,
      ORIGIN: origin,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
      ALLOW_PRIVATE_ADDRESS: "true",
      NO_COLOR: "1",
    });
    const logs = () =>
      processes.map((p, i) => `--- process ${i}:\n${p.output.join("")}`)
        .join("\n");
    try {
      const [web1, web2] = await Promise.all([
        startServer(env("web", "127.0.0.1", port)),
        startServer(env("web", "127.0.0.2", port)),
      ]);
      processes.push(web1, web2);
      const sql = postgres(database.url, { max: 1, onnotice: () => {} });
      try {
        const alice = await createUserWithToken(
          { deps: { sql } } as never,
          "alice",
        );

        // Only web processes so far: a remote follow is taken (202) but not yet acted on.
        const bob = await peer.actor("bob", {
          inboxOrigin: `http://127.0.0.1:${inboxPort}`,
        });
        await followFrom(origin, peer, bob);
        await sleep(1500);
        const [{ follows }] = await sql<{ follows: number }[]>`
          SELECT count(*)::int AS follows FROM follows`;
        assert.equal(follows, 0, "a web process runs no queue");

        const workerPorts = [freePort(), freePort()];
        processes.push(
          ...await Promise.all(
            workerPorts.map((p) => startServer(env("worker", "127.0.0.1", p))),
          ),
        );
        const health = await fetch(`http://127.0.0.1:${workerPorts[0]}/health`);
        assert.equal(health.status, 200);
        assert.deepEqual(await health.json(), {
          role: "worker",
          database: "ok",
        });
        const page = await fetch(`http://127.0.0.1:${workerPorts[0]}/`);
        assert.equal(page.status, 404, "a worker serves no pages");
        await page.body?.cancel();

        // The workers take the follow from the queue: accepted, and bob hears so.
        await eventually("the follow accepted by a worker", async () => {
          const [row] = await sql`SELECT 1 FROM follows`;
          return Boolean(row);
        }, 30_000).catch((e) => {
          throw new Error(`${e.message}\n${logs()}`);
        });

        // A streaming client on web #2; the post goes through web #1.
        const stream = await openEventStream(
          { hostname: "127.0.0.2", port },
          `127.0.0.1:${port}`,
          `/api/v1/streaming/public?access_token=${alice.token}`,
        );
        try {
          await eventually(
            "the stream on web #2 open",
            () => Promise.resolve(stream.text().includes("200 OK")),
          );
          const posted = await fetch(`${origin}/api/v1/statuses`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${alice.token}`,
              "content-type": "application/json",
            },
            body: JSON.stringify({ status: "Hello from web one" }),
          });
          assert.equal(posted.status, 200, await posted.clone().text());
          await posted.body?.cancel();
          await eventually(
            "the post streamed on web #2",
            () => Promise.resolve(stream.text().includes("Hello from web one")),
          );
        } finally {
          await stream.close();
        }
        await eventually(
          "the post delivered to bob's inbox",
          () => Promise.resolve(inbox.creates("Hello from web one") > 0),
          30_000,
        ).catch((e) => {
          throw new Error(`${e.message}\n${logs()}`);
        });
        // Two workers listen on one queue: the delivery is made once, not once per worker.
        await sleep(2000);
        assert.equal(inbox.creates("Hello from web one"), 1);

        // Periodic work: a two-day-old upload never attached to a post, and the hourly prune
        // falling due now. One worker claims the run; the other finds it taken.
        await sql`
          INSERT INTO media_attachments (account_id, content_type, file_key, created_at)
          VALUES (${alice.account.id}, 'image/png', 'media/stale/original.png',
            now() - interval '2 days')`;
        // The prune is one scheduled row in `jobs` for all workers: make it due now.
        const [{ n: scheduled }] = await sql<{ n: number }[]>`
          SELECT count(*)::int AS n FROM jobs WHERE kind = 'media.prune'`;
        assert.equal(scheduled, 1, "one schedule row for four processes");
        await sql`UPDATE jobs SET run_at = now() WHERE kind = 'media.prune'`;
        await eventually("the stale upload pruned", async () => {
          const [row] = await sql`SELECT 1 FROM media_attachments`;
          return !row;
        }, 30_000).catch((e) => {
          throw new Error(`${e.message}\n${logs()}`);
        });
        // Both workers keep looking: after a few more seconds, still one run, and the next
        // one an hour on.
        await sleep(5_000);
        const [{ due_in_minutes }] = await sql<{ due_in_minutes: number }[]>`
          SELECT extract(epoch FROM run_at - now())::int / 60 AS due_in_minutes
          FROM jobs WHERE kind = 'media.prune'`;
        assert.ok(due_in_minutes >= 55, `next run in ${due_in_minutes} min`);
        const pruned = logs().match(/removed 1 unattached uploads/g) ?? [];
        assert.equal(pruned.length, 1, logs());
      } finally {
        await sql.end();
      }
    } finally {
      for (const p of processes) {
        try {
          p.child.kill("SIGTERM");
        } catch { /* gone */ }
      }
      await Promise.all(processes.map((p) => p.child.status));
      await peer.close();
      await inbox.close();
      await database.drop();
      await Deno.remove(dataDir, { recursive: true }).catch(() => {});
    }
  },
});
