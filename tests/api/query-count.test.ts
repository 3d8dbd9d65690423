/**
 * A home timeline page is built in a CONSTANT number of SQL statements — two — whatever its size
 * and whatever is in it (mentions, tags, reblogs, polls, favourites, replies): the statements on
 * the wire are counted by the bench's Postgres protocol proxy (bench/lib/pgcount.ts), which sits
 * between the instance and the test database.
 */
import assert from "node:assert/strict";
import { startQueryCounter } from "../../bench/lib/pgcount.ts";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import {
  apiFetch,
  createUserWithToken,
  follow,
  type TestUser,
} from "../helpers/users.ts";

async function api(
  instance: TestInstance,
  user: TestUser,
  path: string,
  body?: unknown,
  // deno-lint-ignore no-explicit-any
): Promise<any> {
  const res = await apiFetch(instance, user.token, path, {
    method: "POST",
    body,
  });
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
  return await res.json();
}

Deno.test("home timeline: two statements whatever the page size and contents", async () => {
  const database = await createTestDatabase();
  const counter = startQueryCounter();
  const url = new URL(database.url);
  url.host = `127.0.0.1:${counter.port}`;
  const instance = await startTestInstance({
    env: { DATABASE_URL: url.href },
  });
  try {
    const viewer = await createUserWithToken(instance, "viewer");
    const plainViewer = await createUserWithToken(instance, "plain");
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const quiet = await createUserWithToken(instance, "quiet");
    await follow(instance, viewer, alice);
    await follow(instance, viewer, bob);
    await follow(instance, plainViewer, quiet);
    // The viewer has a filter (it comes with the bundle, not in a statement of its own).
    await api(instance, viewer, "/api/v2/filters", {
      title: "spoilers",
      context: ["home"],
      filter_action: "warn",
      keywords_attributes: [{ keyword: "spoiler" }],
    });

    let previous: string | null = null;
    let oldest: string | null = null;
    for (let i = 0; i < 45; i++) {
      const author = i % 2 ? alice : bob;
      // The newest five rows hold a poll, a reply, a favourited and bookmarked post and a reblog.
      const kind = (i + 1) % 5;
      const body: Record<string, unknown> = {
        status: `post ${i} #tag${i % 7} #common`,
      };
      if (kind === 0) body.poll = { options: ["yes", "no"], expires_in: 3600 };
      if (kind === 1) body.status = `@viewer @alice look #t${i}`;
      if (kind === 4 && previous) body.in_reply_to_id = previous;
      const status = await api(instance, author, "/api/v1/statuses", body);
      previous = status.id;
      oldest ??= status.id;
      if (kind === 2) {
        await api(
          instance,
          i % 2 ? bob : alice,
          `/api/v1/statuses/${status.id}/reblog`,
        );
      }
      if (kind === 3) {
        await api(instance, viewer, `/api/v1/statuses/${status.id}/favourite`);
        await api(instance, viewer, `/api/v1/statuses/${status.id}/bookmark`);
      }
    }
    // Newest of all: a reblog whose original is on no page, so every page loads originals.
    await api(instance, alice, `/api/v1/statuses/${oldest}/reblog`);
    for (let i = 0; i < 45; i++) {
      await api(instance, quiet, "/api/v1/statuses", { status: `plain ${i}` });
    }
    // Let after-commit work (fan-out listeners, streaming) settle before counting.
    await new Promise((r) => setTimeout(r, 500));

    const measure = async (user: TestUser, limit: number) => {
      let best = Infinity;
      let log: string[] = [];
      let length = 0;
      for (let round = 0; round < 3; round++) {
        counter.takeLog();
        const before = counter.count();
        const res = await apiFetch(
          instance,
          user.token,
          `/api/v1/timelines/home?limit=${limit}`,
        );
        const body = await res.json();
        const used = counter.count() - before;
        length = body.length;
        if (used < best) {
          best = used;
          log = counter.takeLog();
        }
      }
      return { count: best, length, log };
    };
    const results = [
      { name: "mixed 5", ...await measure(viewer, 5) },
      { name: "mixed 20", ...await measure(viewer, 20) },
      { name: "mixed 40", ...await measure(viewer, 40) },
      { name: "plain 5", ...await measure(plainViewer, 5) },
      { name: "plain 20", ...await measure(plainViewer, 20) },
      { name: "plain 40", ...await measure(plainViewer, 40) },
    ];
    assert.deepEqual(
      results.map((r) => r.length),
      [5, 20, 40, 5, 20, 40],
    );
    const counts = results.map((r) => `${r.name}: ${r.count}`).join(", ");
    // Two statements, whatever the page: the page's ids (one window of the feed), and the
    // bundle — statuses, originals, authors, polls, media, tags, mentions, the viewer's flags
    // and filters. The token's owner is held in memory once the token was seen.
    assert.deepEqual(
      results.map((r) => r.count),
      [2, 2, 2, 2, 2, 2],
      `${counts}\n${
        results.map((r) => `## ${r.name}\n${r.log.join("\n")}`).join("\n")
      }`,
    );
  } finally {
    await instance.close();
    counter.close();
    await database.drop();
  }
});
