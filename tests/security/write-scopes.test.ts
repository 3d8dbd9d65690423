/**
 * Rule: a token's scopes are enforced on every endpoint. Walking the route manifest
 * (`fresh.gen.ts`), every `routes/api/**` handler with a write method (POST, PUT, PATCH,
 * DELETE) refuses a read-only token — 403, or 401/404/422 where Mastodon refuses before the
 * scope check — and never answers 2xx or changes anything. A token without `read` can't
 * subscribe to a stream. New routes are covered without touching this file.
 */
import assert from "node:assert/strict";
import manifest from "../../fresh.gen.ts";
import { routeModule } from "fresh";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken, follow } from "../helpers/users.ts";

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
/** Write endpoints anyone may call without a token (Mastodon's too). */
const PUBLIC_WRITES = new Set(["POST /api/v1/apps"]);

/** `./routes/api/v1/lists/[id]/index.ts` → `/api/v1/lists/[id]` */
function urlPattern(file: string): string {
  return file.replace(/^\.\/routes/, "").replace(/\.tsx?$/, "").replace(
    /\/index$/,
    "",
  );
}

Deno.test({
  name:
    "every API write endpoint refuses a read-only token and never answers 2xx",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const owner = await createUserWithToken(instance, "owner");
      const other = await createUserWithToken(instance, "other");
      const reader = await createUserWithToken(instance, "reader", {
        scopes: "read",
      });
      // Give the read-only user things to act on, so refusals aren't just "not found".
      await follow(instance, other, reader);
      const make = async (token: string, path: string, body: unknown) => {
        const res = await apiFetch(instance, token, path, { body });
        assert.ok(res.ok, `${path}: ${res.status}`);
        return (await res.json()).id as string;
      };
      const readerWriter = await createUserWithToken(instance, "readerwriter");
      const statusId = await make(owner.token, "/api/v1/statuses", {
        status: "hello @reader",
        poll: { options: ["a", "b"], expires_in: 3600 },
      });
      const ids: Record<string, string> = {
        accounts: other.account.id,
        statuses: statusId,
        polls: (await (await apiFetch(
          instance,
          owner.token,
          `/api/v1/statuses/${statusId}`,
        )).json()).poll.id,
        lists: await make(readerWriter.token, "/api/v1/lists", { title: "l" }),
        filters: await make(readerWriter.token, "/api/v2/filters", {
          title: "f",
          context: ["home"],
          keywords_attributes: [{ keyword: "x" }],
        }),
      };
      // The reader owns a list and a filter of its own (moved over in the database).
      await instance.deps
        .sql`UPDATE lists SET account_id = ${reader.account.id}`;
      await instance.deps
        .sql`UPDATE filters SET account_id = ${reader.account.id}`;
      const [keyword] = await instance.deps.sql<{ id: string }[]>`
        SELECT id FROM filter_keywords LIMIT 1`;
      ids.keywords = keyword.id;
      const [notification] = await instance.deps.sql<{ id: string }[]>`
        SELECT id FROM notifications WHERE account_id = ${reader.account.id} LIMIT 1`;
      ids.notifications = notification?.id ?? "1";
      const [request] = await instance.deps.sql<{ id: string }[]>`
        SELECT id FROM follow_requests LIMIT 1`;
      ids.follow_requests = request?.id ?? other.account.id;

      const idFor = (url: string) => {
        const family = /^\/api\/v\d\/(?:filters\/)?([a-z_]+)\/\[/.exec(url)
          ?.[1];
        return ids[family ?? ""] ?? "1";
      };
      const before = await instance.deps.sql<{ n: string }[]>`
        SELECT (SELECT count(*) FROM statuses) || '/' || (SELECT count(*) FROM favourites)
          || '/' || (SELECT count(*) FROM follows) || '/' || (SELECT count(*) FROM lists)
          || '/' || (SELECT count(*) FROM filters) || '/' || (SELECT count(*) FROM blocks)
          || '/' || (SELECT count(*) FROM poll_votes) || '/' || (SELECT count(*) FROM markers)
          AS n`;

      let checked = 0;
      for (const [file, entry] of Object.entries(manifest.routes)) {
        if (!file.startsWith("./routes/api/") || file.includes("/_")) continue;
        if (file.includes("[...")) continue; // the JSON 404 catch-all
        const mod = await routeModule(entry);
        const handler = (mod as { handler?: Record<string, unknown> }).handler;
        if (!handler || typeof handler !== "object") continue;
        const pattern = urlPattern(file);
        for (const method of WRITE_METHODS) {
          if (typeof handler[method] !== "function") continue;
          if (PUBLIC_WRITES.has(`${method} ${pattern}`)) continue;
          const url = pattern.replace(/\[name\]/g, "vis").replace(
            /\[[a-z_]+\]/g,
            idFor(pattern),
          );
          const res = await apiFetch(instance, reader.token, url, {
            method,
            body: {},
          });
          const text = await res.text();
          const where = `${method} ${url}`;
          assert.ok(
            !res.ok,
            `${where} answered ${res.status} to a read-only token`,
          );
          assert.ok(
            [401, 403, 404, 422].includes(res.status),
            `${where}: ${res.status} ${text.slice(0, 200)}`,
          );
          if (res.status === 403 || res.status === 401) {
            assert.ok(JSON.parse(text).error, `${where}: JSON error`);
          }
          checked++;
        }
      }
      assert.ok(checked >= 40, `walked ${checked} write endpoints`);
      const after = await instance.deps.sql<{ n: string }[]>`
        SELECT (SELECT count(*) FROM statuses) || '/' || (SELECT count(*) FROM favourites)
          || '/' || (SELECT count(*) FROM follows) || '/' || (SELECT count(*) FROM lists)
          || '/' || (SELECT count(*) FROM filters) || '/' || (SELECT count(*) FROM blocks)
          || '/' || (SELECT count(*) FROM poll_votes) || '/' || (SELECT count(*) FROM markers)
          AS n`;
      assert.equal(after[0].n, before[0].n, "nothing changed");
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name: "a token without read can't subscribe to a stream",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const writer = await createUserWithToken(instance, "writer", {
        scopes: "write follow",
      });
      for (const stream of ["user", "public", "user/notification", "direct"]) {
        const res = await instance.fetch(
          `/api/v1/streaming/${stream}?access_token=${writer.token}`,
        );
        await res.body?.cancel();
        assert.equal(res.status, 403, `SSE ${stream}`);
      }
      const ws = new WebSocket(
        `${
          instance.origin.replace("http", "ws")
        }/api/v1/streaming?stream=user&access_token=${writer.token}`,
      );
      const outcome = await new Promise<string>((resolve) => {
        ws.onopen = () => resolve("open");
        ws.onerror = () => resolve("refused");
        ws.onclose = () => resolve("refused");
      });
      if (ws.readyState === WebSocket.OPEN) ws.close();
      assert.equal(outcome, "refused", "WebSocket");
    } finally {
      await instance.close();
    }
  },
});
