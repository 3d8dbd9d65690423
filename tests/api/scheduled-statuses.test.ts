/**
 * Scheduled statuses through masto.js: `scheduled_at` keeps the post for later (a
 * ScheduledStatus, media held), list/fetch/reschedule/cancel, Mastodon's limits, and the
 * publishing job — made due by moving its `run_at` in SQL, not by waiting — posts it on the home
 * timelines, also after a restart on the same database.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { api, client, createUserWithToken, follow } from "../helpers/users.ts";
import { assertMatchesSchema } from "../helpers/openapi.ts";
import { smallPng, upload } from "../media/helpers.ts";

const inMinutes = (m: number) =>
  new Date(Date.now() + m * 60_000).toISOString();

/** The publishing jobs become due now (what the clock would do in a few minutes). */
async function makeDue(instance: TestInstance) {
  await instance.deps.sql`
    UPDATE jobs SET run_at = now() WHERE kind = 'status.publish_scheduled'`;
  await instance.deps.sql`SELECT pg_notify('starling_jobs', '0')`;
}

/** Waits (bounded) until `check` holds: the job runs in the background. */
async function eventually(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 150; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`never happened: ${what}`);
}

Deno.test("schedule, list, reschedule, cancel, then published on time with its media", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    await follow(instance, bob, alice);
    const asAlice = client(instance, alice.token);

    const uploaded = await upload(instance, alice.token, {
      bytes: await smallPng(),
      type: "image/png",
    });
    const media = await uploaded.json();
    const first = await asAlice.v1.statuses.create({
      status: "Later, with a picture",
      mediaIds: [media.id],
      scheduledAt: inMinutes(10),
    });
    assert.equal(first.params.text, "Later, with a picture");
    assert.equal(first.mediaAttachments.length, 1);
    assert.equal(first.mediaAttachments[0].id, media.id);
    const raw = await api(
      instance,
      alice.token,
      "GET",
      `/api/v1/scheduled_statuses/${first.id}`,
    );
    assert.equal(raw.status, 200);
    await assertMatchesSchema(raw.body, "ScheduledStatus");
    // Nothing was posted yet.
    assert.equal(
      (await asAlice.v1.accounts.$select(alice.account.id).statuses.list())
        .length,
      0,
    );

    // The held upload can't go on another post meanwhile, nor be deleted.
    const reuse = await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "now",
      media_ids: [media.id],
    });
    assert.equal(reuse.status, 422);
    assert.ok(reuse.body.error);
    assert.equal(
      (await api(instance, alice.token, "DELETE", `/api/v1/media/${media.id}`))
        .status,
      422,
    );

    // Less than 5 minutes ahead: refused with Mastodon's error.
    const soon = await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "too soon",
      scheduled_at: inMinutes(2),
    });
    assert.equal(soon.status, 422);
    assert.match(soon.body.error, /scheduled date must be in the future/);

    const second = await asAlice.v1.statuses.create({
      status: "Later again",
      scheduledAt: inMinutes(30),
    });

    // The list pages newest first with a Link header masto.js follows.
    const pages = [];
    for await (const page of asAlice.v1.scheduledStatuses.list({ limit: 1 })) {
      pages.push(page.map((s) => s.id));
    }
    assert.deepEqual(pages.flat(), [second.id, first.id]);
    const listed = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/scheduled_statuses",
    );
    for (const item of listed.body) {
      await assertMatchesSchema(item, "ScheduledStatus");
    }
    // Bob sees none of Alice's.
    assert.deepEqual(
      (await api(instance, bob.token, "GET", "/api/v1/scheduled_statuses"))
        .body,
      [],
    );
    assert.equal(
      (await api(
        instance,
        bob.token,
        "GET",
        `/api/v1/scheduled_statuses/${first.id}`,
      ))
        .status,
      404,
    );

    // Reschedule: the time changes, and so does the job's.
    const later = inMinutes(20);
    const moved = await asAlice.v1.scheduledStatuses.$select(first.id).update({
      scheduledAt: later,
    });
    assert.equal(Date.parse(moved.scheduledAt), Date.parse(later));
    const tooSoon = await api(
      instance,
      alice.token,
      "PUT",
      `/api/v1/scheduled_statuses/${first.id}`,
      { scheduled_at: inMinutes(1) },
    );
    assert.equal(tooSoon.status, 422);
    const [job] = await instance.deps.sql<{ run_at: Date }[]>`
      SELECT run_at FROM jobs WHERE ordering_key = ${`scheduled_status:${first.id}`}`;
    assert.equal(job.run_at.getTime(), Date.parse(later));

    // Cancel the second: gone, with its job.
    await asAlice.v1.scheduledStatuses.$select(second.id).remove();
    assert.equal(
      (await api(
        instance,
        alice.token,
        "GET",
        `/api/v1/scheduled_statuses/${second.id}`,
      ))
        .status,
      404,
    );

    // Time comes: the first is posted, with its picture, on Bob's home timeline.
    await makeDue(instance);
    const asBob = client(instance, bob.token);
    await eventually(
      async () => (await asBob.v1.timelines.home.list()).length > 0,
      "the scheduled post on bob's home",
    );
    const home = await asBob.v1.timelines.home.list();
    assert.equal(
      home.length,
      1,
      "only the first: the cancelled one never posts",
    );
    assert.equal(home[0].content, "<p>Later, with a picture</p>");
    assert.equal(home[0].mediaAttachments[0].id, media.id);
    assert.deepEqual(await asAlice.v1.scheduledStatuses.list(), []);
    const [left] = await instance.deps.sql`
      SELECT count(*)::int AS n FROM jobs WHERE kind = 'status.publish_scheduled'`;
    assert.equal(left.n, 0);
  } finally {
    await instance.close();
  }
});

Deno.test("Mastodon's limits: 25 on one day, 300 in all", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const day = new Date(Date.now() + 3 * 86_400_000);
    day.setUTCHours(12, 0, 0, 0);
    for (let i = 0; i < 25; i++) {
      const r = await api(instance, alice.token, "POST", "/api/v1/statuses", {
        status: `day post ${i}`,
        scheduled_at: new Date(day.getTime() + i * 60_000).toISOString(),
      });
      assert.equal(r.status, 200);
    }
    const over = await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "one too many that day",
      scheduled_at: new Date(day.getTime() + 3600_000).toISOString(),
    });
    assert.equal(over.status, 422);
    assert.match(over.body.error, /limit of 25/);
    // Another day is fine until 300 in all.
    const nextDay = new Date(day.getTime() + 86_400_000).toISOString();
    assert.equal(
      (await api(instance, alice.token, "POST", "/api/v1/statuses", {
        status: "next day",
        scheduled_at: nextDay,
      })).status,
      200,
    );
    await instance.deps.sql`
      INSERT INTO scheduled_statuses (account_id, scheduled_at, params)
      SELECT ${alice.account.id}, now() + (10 + g) * interval '1 day', '{"text":"x"}'
      FROM generate_series(1, 274) AS g`;
    const total = await api(instance, alice.token, "POST", "/api/v1/statuses", {
      status: "301st",
      scheduled_at: new Date(day.getTime() + 2 * 86_400_000).toISOString(),
    });
    assert.equal(total.status, 422);
    assert.match(total.body.error, /limit of 300/);
  } finally {
    await instance.close();
  }
});

Deno.test("a scheduled post is published after a restart on the same database", async () => {
  const database = await createTestDatabase();
  try {
    const first = await startTestInstance({ database });
    const alice = await createUserWithToken(first, "alice");
    const scheduled = await client(first, alice.token).v1.statuses.create({
      status: "Posted by the next process",
      scheduledAt: inMinutes(10),
    });
    assert.deepEqual(
      await client(first, alice.token).v1.timelines.home.list(),
      [],
      "not posted before its time",
    );
    await first.close();

    const second = await startTestInstance({ database });
    try {
      await makeDue(second);
      const asAlice = client(second, alice.token);
      await eventually(
        async () => (await asAlice.v1.timelines.home.list()).length > 0,
        "the scheduled post after the restart",
      );
      const [posted] = await asAlice.v1.timelines.home.list();
      assert.equal(posted.content, "<p>Posted by the next process</p>");
      const gone = await api(
        second,
        alice.token,
        "GET",
        `/api/v1/scheduled_statuses/${scheduled.id}`,
      );
      assert.equal(gone.status, 404);
    } finally {
      await second.close();
    }
  } finally {
    await database.drop();
  }
});
