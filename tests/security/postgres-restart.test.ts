/**
 * Rules for the database going away under load (Postgres restarted while people post and read):
 * - every request gets an answer: what Postgres couldn't serve is a 503 with Retry-After —
 *   `{"error": …}` from the API, an error page on the web — never a hang or a dropped connection;
 * - once Postgres is back, Starling serves again on its own, without being restarted;
 * - every status whose POST answered 200 is there afterwards;
 * - the background work recovers too: a stream opened before the restart gets new posts again
 *   (the LISTEN connection comes back) and new posts are delivered to followers.
 * SIGTERM finishing the requests in flight is in delivery-reliability.test.ts.
 *
 * The test runs its own throwaway Postgres: the shared one serves every other test.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { startPostgresCluster } from "../helpers/postgres-cluster.ts";
import {
  freePort,
  type ServerProcess,
  startServer,
} from "../helpers/server-process.ts";
import { followFrom, startFakePeer, startInbox } from "../helpers/fake-peer.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { eventually } from "../federation/helpers.ts";

/** A request unanswered for this long counts as hung (a liveness bound, not a timing claim). */
const ANSWER_WITHIN_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  what: string;
  /** 0 when no answer came (connection dropped, or nothing within ANSWER_WITHIN_MS). */
  status: number;
  contentType: string;
  retryAfter: string | null;
  text: string;
  /** Started once Postgres was accepting connections again. */
  afterRestart: boolean;
}

Deno.test({
  name:
    "Postgres restarted under load: clean 503s, recovery on its own, nothing committed lost",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const cluster = await startPostgresCluster();
    const dataDir = await Deno.makeTempDir({ prefix: "starling-pgrestart-" });
    const peer = startFakePeer();
    const inboxPort = freePort();
    const inbox = startInbox(inboxPort);
    let server: ServerProcess | null = null;
    const abort = new AbortController();
    try {
      const port = freePort();
      const origin = `http://127.0.0.1:${port}`;
      server = await startServer({
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        ORIGIN: origin,
        DATABASE_URL: cluster.url,
        DATA_DIR: dataDir,
        SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
        ALLOW_PRIVATE_ADDRESS: "true",
      });
      const logs = () => server!.output.join("");
      /** Waits as `eventually` does; on failure the message carries the server's output. */
      const waitFor = (what: string, check: () => Promise<unknown>) =>
        eventually(what, check, 30_000).catch((error) => {
          throw new Error(`${error.message}\nserver output:\n${logs()}`);
        });
      const assertRunning = async () => {
        const exited = await Promise.race([
          server!.child.status.then(() => true),
          sleep(0).then(() => false),
        ]);
        assert.equal(exited, false, `the server process exited:\n${logs()}`);
      };
      const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
      const alice = await createUserWithToken(
        { deps: { sql } } as never,
        "alice",
      ).finally(() => sql.end());
      const site = {
        fetch: (path: string, init: RequestInit = {}) =>
          fetch(`${origin}${path}`, {
            ...init,
            signal: AbortSignal.any([
              abort.signal,
              AbortSignal.timeout(ANSWER_WITHIN_MS),
            ]),
          }),
      };

      // A follower elsewhere (deliveries go through the Fedify queue) and an open stream
      // (fed by LISTEN/NOTIFY).
      const bob = await peer.actor("bob", {
        inboxOrigin: `http://127.0.0.1:${inboxPort}`,
      });
      await followFrom(origin, peer, bob);
      await eventually("bob follows alice", async () => {
        const res = await apiFetch(
          site,
          alice.token,
          "/api/v1/accounts/verify_credentials",
        );
        return (await res.json()).followers_count === 1;
      });
      const stream = await apiFetch(
        site,
        alice.token,
        "/api/v1/streaming/public/local",
      );
      assert.equal(stream.status, 200);
      let streamed = "";
      let streamOpen = true;
      (async () => {
        for await (
          const chunk of stream.body!.pipeThrough(new TextDecoderStream())
        ) streamed += chunk;
      })().catch(() => {}).finally(() => streamOpen = false);

      // The load: writers posting, API readers and a web page reader, until told to stop.
      let postgresBack = false;
      let loadRunning = true;
      const answers: Answer[] = [];
      const written = new Map<string, string>(); // id → text, for every POST answered 200
      const ask = async (
        what: string,
        path: string,
        init: { method?: string; body?: unknown } = {},
      ): Promise<Answer> => {
        const afterRestart = postgresBack;
        try {
          const res = await apiFetch(site, alice.token, path, init);
          return {
            what,
            status: res.status,
            contentType: res.headers.get("content-type") ?? "",
            retryAfter: res.headers.get("retry-after"),
            text: await res.text(),
            afterRestart,
          };
        } catch (error) {
          const text = String(error);
          return {
            what,
            status: 0,
            contentType: "",
            retryAfter: null,
            text,
            afterRestart,
          };
        }
      };
      const writer = (name: string) => ({
        name,
        path: "/api/v1/statuses",
        write: true,
      });
      const workers = [
        writer("writer 1"),
        writer("writer 2"),
        writer("writer 3"),
        writer("writer 4"),
        { name: "home reader", path: "/api/v1/timelines/home", write: false },
        {
          name: "public reader",
          path: "/api/v1/timelines/public?local=true",
          write: false,
        },
        { name: "web reader", path: "/", write: false },
      ];
      const work = async ({ name, path, write }: (typeof workers)[number]) => {
        for (let n = 0; loadRunning; n++) {
          const text = `${name} number ${n}`;
          const answer = await ask(
            name,
            path,
            write ? { body: { status: text } } : {},
          );
          answers.push(answer);
          if (write && answer.status === 200) {
            written.set(JSON.parse(answer.text).id, text);
          }
          // A client pauses a little after a failure, as a Retry-After would tell it to.
          await sleep(answer.status === 200 ? 20 : 100);
        }
      };
      const everyWorkerServed = (afterRestart: boolean) =>
        Promise.resolve(
          workers.every(({ name }) =>
            answers.some((a) =>
              a.what === name && a.status === 200 &&
              a.afterRestart === afterRestart
            )
          ),
        );
      const load = Promise.all(workers.map(work));
      await waitFor(
        "every worker served before the restart",
        () => everyWorkerServed(false),
      );

      // Postgres goes away for a second, ending every session, then comes back.
      await cluster.stop();
      await sleep(1000);
      await cluster.start();
      postgresBack = true;

      await waitFor(
        "every worker served again after the restart",
        () => everyWorkerServed(true),
      );
      loadRunning = false;
      await load;
      await assertRunning();

      const unanswered = answers.filter((a) => a.status === 0);
      assert.deepEqual(unanswered, [], "every request got an answer");
      const failures = answers.filter((a) => a.status !== 200);
      assert.ok(
        failures.length > 0,
        "the outage was noticed (some requests failed)",
      );
      for (const failure of failures) {
        const seen = JSON.stringify(failure);
        assert.equal(failure.status, 503, seen);
        assert.ok(failure.retryAfter, `Retry-After on ${seen}`);
        if (failure.what === "web reader") {
          assert.match(failure.contentType, /^text\/html/, seen);
        } else {
          assert.match(failure.contentType, /^application\/json/, seen);
          assert.equal(typeof JSON.parse(failure.text).error, "string", seen);
        }
      }

      // Served again means every request, not just some: a pooled connection left broken by
      // the outage would fail its share. Ten at a time use the whole pool.
      for (let round = 1; round <= 3; round++) {
        const batch = await Promise.all(
          Array.from(
            { length: 10 },
            (_, i) =>
              i % 2
                ? ask("check", "/api/v1/timelines/home")
                : ask("check", "/api/v1/statuses", {
                  body: { status: `check ${round}.${i}` },
                }),
          ),
        );
        assert.deepEqual(
          batch.filter((a) => a.status !== 200),
          [],
          `round ${round} after recovery; server output:\n${
            logs().slice(-4000)
          }`,
        );
      }

      // Nothing committed is lost.
      assert.ok(written.size > 0);
      for (const [id, text] of written) {
        const res = await apiFetch(site, alice.token, `/api/v1/statuses/${id}`);
        assert.equal(res.status, 200, `status ${id} ("${text}")`);
        const { content } = await res.json();
        assert.ok(content.includes(text), `status ${id} reads "${content}"`);
      }

      // The background work is back: new posts reach the stream opened before the restart and
      // bob's inbox. Events are not replayed (a post made before the LISTEN connection is back
      // is not streamed), so post until one arrives.
      const markers: string[] = [];
      await waitFor(
        "the stream opened before the restart gets new posts",
        async () => {
          const marker = `posted after the restart (${markers.length})`;
          markers.push(marker);
          const post = await apiFetch(site, alice.token, "/api/v1/statuses", {
            body: { status: marker },
          });
          assert.equal(post.status, 200);
          await post.body?.cancel();
          await sleep(500);
          return markers.some((m) => streamed.includes(m));
        },
      );
      assert.ok(streamOpen, "the stream stayed open");
      await waitFor(
        "bob gets the new posts",
        () => Promise.resolve(markers.some((m) => inbox.creates(m) >= 1)),
      );

      await assertRunning();
    } finally {
      abort.abort();
      if (server) {
        try {
          server.child.kill("SIGKILL");
        } catch { /* it exited already: the assertions say so */ }
        await server.child.status;
      }
      await inbox.close();
      await peer.close();
      await Deno.remove(dataDir, { recursive: true }).catch(() => {});
      await cluster.remove();
    }
  },
});
