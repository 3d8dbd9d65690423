/**
 * Starling run as Deno Deploy runs it (`deploy-tree.ts`: after the install and build steps,
 * `deno run -A main.ts` with no unstable features, `DENO_DEPLOYMENT_ID` set, the tree read-only)
 * on Postgres (`DATABASE_URL`) with media on an S3-compatible server (s3rver on loopback):
 * sign-up through the API, a post with an image, federation to a second instance, streaming;
 * then SIGINT with a delivery in flight: the process exits 0 within Deploy's 5 s notice, and
 * the delivery is made after the restart — nothing lost.
 */
import assert from "node:assert/strict";
import S3rver from "s3rver";
import { createTestDatabase } from "../helpers/db.ts";
import { freePort, type ServerProcess } from "../helpers/server-process.ts";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { followFrom, startFakePeer } from "../helpers/fake-peer.ts";
import { eventually } from "../federation/helpers.ts";
import { photoJpeg } from "../media/helpers.ts";
import { resolveRemote } from "../../lib/federation/search.ts";
import * as relationships from "../../lib/domain/relationships.ts";
import type { AccountRow } from "../../lib/db/accounts.ts";
import {
  prepareDeployTree,
  startDeployed,
  treeIsReadOnly,
} from "./deploy-tree.ts";
import { startSlowInbox } from "./slow-inbox.ts";

const BUCKET = "starling-media";
/** Deno Deploy's notice: SIGINT, then SIGKILL this much later. */
const DEPLOY_NOTICE_MS = 5_000;

Deno.test({
  name:
    "as on Deno Deploy: read-only tree, no unstable features, Postgres and S3 — sign-up, post with image, federation, streaming; SIGINT exits within 5 s and loses no delivery",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const tree = await prepareDeployTree();
    assert.match(tree.buildOutput, /written to/);
    assert.ok(await treeIsReadOnly(tree.dir), "the tree is read-only to root");
    const tmpDir = await Deno.makeTempDir({ prefix: "starling-deploy-tmp-" });
    const s3Dir = await Deno.makeTempDir({ prefix: "starling-deploy-s3-" });
    const s3 = new S3rver({
      port: 0,
      address: "127.0.0.1",
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: BUCKET }],
    });
    const s3Endpoint = `http://127.0.0.1:${(await s3.run()).port}`;
    const database = await createTestDatabase();
    const b = await startTestInstance();
    const peer = startFakePeer();
    const slowInbox = startSlowInbox();
    const port = freePort();
    const origin = `http://localhost:${port}`;
    const env = {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ORIGIN: origin,
      DATABASE_URL: database.url,
      MEDIA_STORAGE: "s3",
      S3_ENDPOINT: s3Endpoint,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      ALLOW_PRIVATE_ADDRESS: "true",
      DELIVERY_RETRY_SCALE: "0.001",
    };
    let server: ServerProcess | null = null;
    const logs = () => server?.output.join("") ?? "";
    const waitFor = <T>(what: string, check: () => Promise<T>) =>
      eventually(what, check, 40_000).catch((error) => {
        throw new Error(`${error.message}\nserver output:\n${logs()}`);
      });
    try {
      server = await startDeployed(tree, env, tmpDir);
      assert.match(logs(), /islands: prebuilt bundle/, logs());

      // Sign-up through the API, as an app does: app, client token, account.
      const api = (path: string, init: RequestInit & { token?: string }) =>
        fetch(`${origin}${path}`, {
          ...init,
          headers: {
            ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
            ...(typeof init.body === "string"
              ? { "content-type": "application/json" }
              : {}),
          },
        });
      const app = await (await api("/api/v1/apps", {
        method: "POST",
        body: JSON.stringify({
          client_name: "Deploy test",
          redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
          scopes: "read write follow",
        }),
      })).json();
      const client = await (await api("/oauth/token", {
        method: "POST",
        body: JSON.stringify({
          grant_type: "client_credentials",
          client_id: app.client_id,
          client_secret: app.client_secret,
          scope: "read write follow",
        }),
      })).json();
      const signUp = await api("/api/v1/accounts", {
        method: "POST",
        token: client.access_token,
        body: JSON.stringify({
          username: "alice",
          email: "alice@example.com",
          password: "a good password",
          agreement: true,
          locale: "en",
        }),
      });
      assert.equal(signUp.status, 200, await signUp.clone().text());
      const alice = (await signUp.json()).access_token as string;

      // bob on the second instance follows alice: a Follow in, an Accept out (queue on Postgres).
      const bob = await createUserWithToken(b, "bob");
      const resolved = await resolveRemote(
        b.deps,
        `@alice@${new URL(origin).host}`,
      );
      const aliceOnB = resolved.account as AccountRow;
      assert.ok(aliceOnB, "alice resolves from the second instance");
      await relationships.follow(b.deps, bob.account, aliceOnB);
      await waitFor("bob's follow accepted", async () => {
        const [row] = await b.deps.sql`
          SELECT 1 FROM follows WHERE account_id = ${bob.account.id}
            AND target_account_id = ${aliceOnB.id}`;
        return Boolean(row);
      });

      // A streaming client on the public timeline.
      const socket = new WebSocket(
        `ws://localhost:${port}/api/v1/streaming?stream=public&access_token=${alice}`,
      );
      const streamed: string[] = [];
      socket.onmessage = (event) => streamed.push(String(event.data));
      const socketClosed = new Promise<CloseEvent>((resolve) =>
        socket.onclose = resolve
      );
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = reject;
      });

      // A post with an image: the file goes to the bucket.
      const form = new FormData();
      form.append(
        "file",
        new Blob([new Uint8Array(await photoJpeg(800, 600, 1))], {
          type: "image/jpeg",
        }),
        "photo.jpg",
      );
      form.append("description", "a photo");
      const uploaded = await api("/api/v2/media", {
        method: "POST",
        token: alice,
        body: form,
      });
      assert.equal(uploaded.status, 200, await uploaded.clone().text());
      const media = await uploaded.json();
      assert.ok(media.url.startsWith(`${s3Endpoint}/${BUCKET}/`), media.url);
      const file = await fetch(media.url);
      assert.equal(file.status, 200);
      await file.body?.cancel();
      const posted = await api("/api/v1/statuses", {
        method: "POST",
        token: alice,
        body: JSON.stringify({
          status: "Hello from Deploy",
          media_ids: [media.id],
        }),
      });
      assert.equal(posted.status, 200, await posted.clone().text());
      const status = await posted.json();

      await waitFor(
        "the post streamed",
        () =>
          Promise.resolve(
            streamed.some((m) => m.includes("Hello from Deploy")),
          ),
      );
      const onB = await waitFor("the post with its image on B", async () => {
        const [row] = await b.deps.sql<{ remote_url: string }[]>`
          SELECT m.remote_url FROM statuses s
          JOIN media_attachments m ON m.status_id = s.id
          WHERE s.uri = ${status.uri}`;
        return row;
      });
      assert.equal(onB.remote_url, media.url);

      // A follower whose server answers slowly: a delivery to it is in flight at SIGINT.
      const carol = await peer.actor("carol", {
        inboxOrigin: slowInbox.origin,
      });
      await followFrom(origin, peer, carol);
      await waitFor(
        "carol's follow accepted",
        () => Promise.resolve(slowInbox.answered("Accept") > 0),
      );
      slowInbox.hold();
      const last = await api("/api/v1/statuses", {
        method: "POST",
        token: alice,
        body: JSON.stringify({ status: "Last words before the stop" }),
      });
      assert.equal(last.status, 200);
      await last.body?.cancel();
      await waitFor(
        "the delivery in flight",
        () => Promise.resolve(slowInbox.arrived("Last words") > 0),
      );

      const signalled = performance.now();
      server.child.kill("SIGINT");
      const exit = await server.child.status;
      const stopMs = performance.now() - signalled;
      assert.equal(exit.code, 0, logs());
      assert.ok(
        stopMs < DEPLOY_NOTICE_MS,
        `stopped in ${Math.round(stopMs)} ms, past Deploy's notice:\n${logs()}`,
      );
      assert.equal((await socketClosed).code, 1001);
      assert.equal(slowInbox.answered("Last words"), 0, "not delivered yet");
      assert.doesNotMatch(
        logs(),
        /Uncaught|EROFS|Read-only file system/,
        logs(),
      );

      // The next instance makes the delivery (the task kept its queue row).
      slowInbox.release();
      server = await startDeployed(tree, env, tmpDir);
      await waitFor(
        "the delivery made after the restart",
        () => Promise.resolve(slowInbox.answered("Last words") > 0),
      );
    } finally {
      if (server) {
        try {
          server.child.kill("SIGINT");
        } catch { /* gone */ }
        await server.child.status;
      }
      slowInbox.release();
      await slowInbox.close();
      await peer.close();
      await b.close();
      await database.drop();
      await s3.close();
      for (const dir of [tmpDir, s3Dir]) {
        await Deno.remove(dir, { recursive: true }).catch(() => {});
      }
      await tree.remove();
    }
  },
});
