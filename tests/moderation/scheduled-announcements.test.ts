/**
 * Scheduled announcements (Mastodon's `scheduled_at`): an admin gives a draft a time; nobody
 * sees it (no API entry, no stream event) until then, when the `announcements.publish` job
 * publishes it — also when the process that scheduled it is gone (a second instance on the
 * same database runs the job) — and the `user` stream hears `announcement` then. Clearing the
 * time or deleting the draft withdraws its job; a time in the past is refused. The clock is
 * moved in SQL (the job's `run_at` and the row's time), not waited for.
 */
import assert from "node:assert/strict";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { untilSubscribed, withTimeout } from "../helpers/streams.ts";
import { createStaff } from "./helpers.ts";
import { loadActor } from "../../lib/moderation/mod.ts";
import {
  createAnnouncement,
  deleteAnnouncement,
  PUBLISH_ANNOUNCEMENT_JOB,
  updateAnnouncement,
} from "../../lib/instance/mod.ts";
import { DomainError } from "../../lib/domain/errors.ts";

const inMinutes = (m: number) =>
  new Date(Date.now() + m * 60_000).toISOString();

/** Ten minutes pass: scheduled times and their jobs are due now. */
async function timePasses(instance: TestInstance) {
  await instance.deps.sql`
    UPDATE announcements SET scheduled_at = now() WHERE scheduled_at IS NOT NULL`;
  await instance.deps.sql`
    UPDATE jobs SET run_at = now() WHERE kind = ${PUBLISH_ANNOUNCEMENT_JOB}`;
  await instance.deps.sql`SELECT pg_notify('starling_jobs', '0')`;
}

async function jobCount(instance: TestInstance) {
  const [{ n }] = await instance.deps.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM jobs WHERE kind = ${PUBLISH_ANNOUNCEMENT_JOB}`;
  return n;
}

Deno.test({
  name:
    "a scheduled announcement is published at its time by a job, after a restart, and streamed only then",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const database = await createTestDatabase();
    try {
      const first = await startTestInstance({ database });
      const admin = await createStaff(first, "carla", "admin");
      const alice = await createUserWithToken(first, "alice");
      const asAdmin = await loadActor(first.deps.sql, admin.user);
      const scheduled = await createAnnouncement(first.deps, asAdmin, {
        text: "New rules from Monday",
        scheduledAt: inMinutes(10),
        publish: true, // a time to publish at means "not now"
      });
      assert.equal(scheduled.published_at, null);
      const cleared = await createAnnouncement(first.deps, asAdmin, {
        text: "Changed my mind",
        scheduledAt: inMinutes(10),
        publish: false,
      });
      const deleted = await createAnnouncement(first.deps, asAdmin, {
        text: "Deleted before its time",
        scheduledAt: inMinutes(10),
        publish: false,
      });
      assert.equal(await jobCount(first), 3);
      await updateAnnouncement(first.deps, asAdmin, cleared.id, {
        text: "Changed my mind",
        scheduledAt: "",
      });
      await deleteAnnouncement(first.deps, asAdmin, deleted.id);
      assert.equal(await jobCount(first), 1);
      await assert.rejects(
        createAnnouncement(first.deps, asAdmin, {
          text: "Too late",
          scheduledAt: "2001-01-01T00:00:00Z",
          publish: false,
        }),
        (e) => e instanceof DomainError && /in the future/.test(e.message),
      );
      const before = await api(
        first,
        alice.token,
        "GET",
        "/api/v1/announcements",
      );
      assert.deepEqual(before.body, [], "nothing shown before its time");
      await first.close();

      const second = await startTestInstance({ database });
      try {
        const socket = new WebSocket(
          `${
            second.origin.replace("http", "ws")
          }/api/v1/streaming?stream=user&access_token=${alice.token}`,
        );
        const events: string[] = [];
        const heard = Promise.withResolvers<string>();
        socket.onmessage = (message) => {
          const e = JSON.parse(message.data);
          events.push(e.event);
          if (e.event === "announcement") heard.resolve(e.payload);
        };
        await untilSubscribed(second);
        await timePasses(second);
        const payload = JSON.parse(await withTimeout(heard.promise));
        assert.equal(payload.id, scheduled.id);
        assert.match(payload.content, /New rules from Monday/);
        const after = await api(
          second,
          alice.token,
          "GET",
          "/api/v1/announcements",
        );
        assert.deepEqual(
          after.body.map((a: { id: string }) => a.id),
          [scheduled.id],
          "the cleared draft stays a draft",
        );
        assert.equal(await jobCount(second), 0);
        assert.deepEqual(events.filter((e) => e === "announcement").length, 1);
        socket.close();
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  },
});
