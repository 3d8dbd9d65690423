/**
 * Announcements through the Mastodon API and the streaming API (issue 16): an admin publishes
 * one, a user's `user` stream hears `announcement` at once, `GET /api/v1/announcements` lists
 * it (schema-checked) with reactions and `read`, a reaction streams `announcement.reaction`,
 * dismissing hides it, withdrawing streams `announcement.delete`; drafts are invisible (404).
 * On Postgres (events through NOTIFY) and on the embedded database (through the event job).
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { untilSubscribed, withTimeout } from "../helpers/streams.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { createStaff } from "../moderation/helpers.ts";
import { loadActor } from "../../lib/moderation/mod.ts";
import {
  createAnnouncement,
  setAnnouncementPublished,
} from "../../lib/instance/mod.ts";

for (const embedded of [false, true]) {
  Deno.test(
    `announcements: API, reactions, dismissal and stream events (${
      embedded ? "embedded PGlite" : "Postgres: through NOTIFY"
    })`,
    () => announcements(embedded),
  );
}

async function announcements(embedded: boolean) {
  const instance = await startTestInstance({ embedded });
  try {
    const { deps } = instance;
    const admin = await createStaff(instance, "carla", "admin");
    const asAdmin = await loadActor(deps.sql, admin.user);
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");

    // A raw WebSocket: the wire as Mastodon sends it (payloads are strings).
    const socket = new WebSocket(
      `${
        instance.origin.replace("http", "ws")
      }/api/v1/streaming?stream=user&access_token=${alice.token}`,
    );
    const events: { event: string; payload: string }[] = [];
    const waiters: [string, () => void][] = [];
    socket.onmessage = (message) => {
      const e = JSON.parse(message.data);
      events.push(e);
      for (const [name, done] of waiters) if (name === e.event) done();
    };
    const next = async (name: string) => {
      if (!events.some((e) => e.event === name)) {
        const { promise, resolve } = Promise.withResolvers<void>();
        waiters.push([name, resolve]);
        await withTimeout(promise);
      }
      return events.find((e) => e.event === name)!;
    };
    await untilSubscribed(instance);

    const draft = await createAnnouncement(deps, asAdmin, {
      text: "Draft, not yet",
      publish: false,
    });
    const notice = await createAnnouncement(deps, asAdmin, {
      text: "Maintenance on Sunday #downtime",
      startsAt: "2030-01-06T10:00:00Z",
      endsAt: "2030-01-06T12:00:00Z",
      publish: true,
    });
    const published = await next("announcement");
    const streamed = JSON.parse(published.payload);
    assert.equal(streamed.id, notice.id);
    assert.match(streamed.content, /Maintenance on Sunday/);

    const listed = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/announcements",
    );
    assert.equal(listed.status, 200);
    await assertResponseMatches(
      "GET",
      "/api/v1/announcements",
      200,
      listed.body,
    );
    assert.deepEqual(listed.body.map((a: { id: string }) => a.id), [notice.id]);
    const [one] = listed.body;
    assert.equal(one.read, false);
    assert.equal(one.starts_at, "2030-01-06T10:00:00.000Z");
    assert.deepEqual(one.tags.map((t: { name: string }) => t.name), [
      "downtime",
    ]);

    // Reactions: a unicode emoji; counts and `me` per viewer; nonsense refused.
    const heart = encodeURIComponent("❤️");
    const put = await api(
      instance,
      bob.token,
      "PUT",
      `/api/v1/announcements/${notice.id}/reactions/${heart}`,
    );
    assert.equal(put.status, 200);
    const reaction = await next("announcement.reaction");
    assert.deepEqual(JSON.parse(reaction.payload), {
      name: "❤️",
      count: 1,
      announcement_id: notice.id,
    });
    const asAlice =
      (await api(instance, alice.token, "GET", "/api/v1/announcements")).body;
    assert.deepEqual(asAlice[0].reactions, [{
      name: "❤️",
      count: 1,
      me: false,
    }]);
    const asBob =
      (await api(instance, bob.token, "GET", "/api/v1/announcements")).body;
    assert.deepEqual(asBob[0].reactions, [{ name: "❤️", count: 1, me: true }]);
    const word = await api(
      instance,
      bob.token,
      "PUT",
      `/api/v1/announcements/${notice.id}/reactions/hello`,
    );
    assert.equal(word.status, 422);
    const two = await api(
      instance,
      bob.token,
      "PUT",
      `/api/v1/announcements/${notice.id}/reactions/${
        encodeURIComponent("👍👍")
      }`,
    );
    assert.equal(two.status, 422);
    assert.ok(word.body.error);

    // Drafts don't exist for users.
    const hidden = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/announcements/${draft.id}/dismiss`,
    );
    assert.equal(hidden.status, 404);
    assert.deepEqual(hidden.body, { error: "Record not found" });

    // Dismissed: gone from the list, back with with_dismissed and read.
    const dismissed = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/announcements/${notice.id}/dismiss`,
    );
    assert.equal(dismissed.status, 200);
    assert.deepEqual(
      (await api(instance, alice.token, "GET", "/api/v1/announcements")).body,
      [],
    );
    const all = (await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/announcements?with_dismissed=true",
    )).body;
    assert.equal(all[0].read, true);

    // Withdrawn: the streams hear it.
    await setAnnouncementPublished(deps, asAdmin, notice.id, false);
    const deleted = await next("announcement.delete");
    assert.equal(deleted.payload, notice.id);
    socket.close();
  } finally {
    await instance.close();
  }
}
