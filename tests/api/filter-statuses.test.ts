/**
 * Filter status entries (`/api/v2/filters/:filter_id/statuses`, `/api/v2/filters/statuses/:id`):
 * a filter naming a status marks it (and boosts of it) as `filtered` with `status_matches` on
 * timelines, notifications and streams, or drops it with `hide`; `blur` (Mastodon 4.4) is
 * accepted and marks like `warn`.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";
import { api, createUserWithToken, follow } from "../helpers/users.ts";
import { untilSubscribed } from "../helpers/streams.ts";
import { createStreamingAPIClient } from "masto";

Deno.test("filter status entries: add, list, read, remove; matching statuses are filtered", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const carol = await createUserWithToken(instance, "carol");
    await follow(instance, alice, bob);
    await follow(instance, alice, carol);
    const post = async (token: string, status: string, visibility = "public") =>
      (await api(instance, token, "POST", "/api/v1/statuses", {
        status,
        visibility,
      })).body.id as string;
    const noisy = await post(bob.token, "a thread I'd rather not see");
    const quiet = await post(bob.token, "an ordinary post");
    const secret = await post(carol.token, "carol only", "private");
    await api(
      instance,
      carol.token,
      "POST",
      `/api/v1/statuses/${noisy}/reblog`,
    );

    const created = await api(
      instance,
      alice.token,
      "POST",
      "/api/v2/filters",
      {
        title: "Not this one",
        context: ["home", "public"],
        filter_action: "blur",
      },
    );
    assert.equal(created.status, 200);
    await assertMatchesSchema(created.body, "Filter");
    assert.equal(created.body.filter_action, "blur");
    const filterId = created.body.id as string;

    const added = await api(
      instance,
      alice.token,
      "POST",
      `/api/v2/filters/${filterId}/statuses`,
      { status_id: noisy },
    );
    assert.equal(added.status, 200);
    await assertResponseMatches(
      "POST",
      "/api/v2/filters/{filter_id}/statuses",
      200,
      added.body,
    );
    assert.equal(added.body.status_id, noisy);
    const again = await api(
      instance,
      alice.token,
      "POST",
      `/api/v2/filters/${filterId}/statuses`,
      { status_id: noisy },
    );
    assert.equal(again.status, 422, "a status is named once per filter");
    const missing = await api(
      instance,
      alice.token,
      "POST",
      `/api/v2/filters/${filterId}/statuses`,
      { status_id: "123456789" },
    );
    assert.equal(missing.status, 422);
    const unseen = await api(
      instance,
      bob.token,
      "POST",
      `/api/v2/filters/${
        (await api(instance, bob.token, "POST", "/api/v2/filters", {
          title: "bob's",
          context: ["home"],
        })).body.id
      }/statuses`,
      { status_id: secret },
    );
    assert.equal(
      unseen.status,
      422,
      "a status bob can't see is like a missing one",
    );

    const listed = await api(
      instance,
      alice.token,
      "GET",
      `/api/v2/filters/${filterId}/statuses`,
    );
    await assertResponseMatches(
      "GET",
      "/api/v2/filters/{filter_id}/statuses",
      200,
      listed.body,
    );
    assert.deepEqual(listed.body, [added.body]);
    const one = await api(
      instance,
      alice.token,
      "GET",
      `/api/v2/filters/statuses/${added.body.id}`,
    );
    await assertResponseMatches(
      "GET",
      "/api/v2/filters/statuses/{id}",
      200,
      one.body,
    );
    assert.deepEqual(one.body, added.body);
    const notBobs = await api(
      instance,
      bob.token,
      "GET",
      `/api/v2/filters/statuses/${added.body.id}`,
    );
    assert.equal(notBobs.status, 404, "another user's entry is not found");
    const filter = await api(
      instance,
      alice.token,
      "GET",
      `/api/v2/filters/${filterId}`,
    );
    assert.deepEqual(filter.body.statuses, [added.body]);

    const home = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/timelines/home",
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/timelines/home",
      200,
      home.body,
    );
    const byId = new Map(home.body.map((s: { id: string }) => [s.id, s]));
    const marked = byId.get(noisy) as {
      filtered: { filter: { id: string }; status_matches: string[] }[];
    };
    assert.equal(marked.filtered[0].filter.id, filterId);
    assert.deepEqual(marked.filtered[0].status_matches, [noisy]);
    const boost = home.body.find((s: { reblog?: { id: string } }) =>
      s.reblog?.id === noisy
    );
    assert.deepEqual(
      boost.filtered[0].status_matches,
      [noisy],
      "boosts of it too",
    );
    assert.equal(
      (byId.get(quiet) as { filtered: unknown[] }).filtered.length,
      0,
    );

    await api(instance, alice.token, "PUT", `/api/v2/filters/${filterId}`, {
      filter_action: "hide",
    });
    const hidden = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/timelines/home",
    );
    const ids = hidden.body.map((s: { id: string; reblog?: { id: string } }) =>
      s.reblog?.id ?? s.id
    );
    assert.ok(!ids.includes(noisy), "hide drops it and its boosts");
    assert.ok(ids.includes(quiet));

    const removed = await api(
      instance,
      alice.token,
      "DELETE",
      `/api/v2/filters/statuses/${added.body.id}`,
    );
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.body, {});
    const back = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/timelines/home",
    );
    assert.ok(back.body.some((s: { id: string }) => s.id === noisy));
    const gone = await api(
      instance,
      alice.token,
      "GET",
      `/api/v2/filters/statuses/${added.body.id}`,
    );
    assert.equal(gone.status, 404);
  } finally {
    await instance.close();
  }
});

Deno.test("filters apply to notifications: marked, or dropped with hide", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const mention =
      (await api(instance, bob.token, "POST", "/api/v1/statuses", {
        status: "@alice have you seen this?",
      })).body.id as string;
    const other = (await api(instance, bob.token, "POST", "/api/v1/statuses", {
      status: "@alice and this one",
    })).body.id as string;
    const filter =
      (await api(instance, alice.token, "POST", "/api/v2/filters", {
        title: "That thread",
        context: ["notifications"],
      })).body;
    await api(
      instance,
      alice.token,
      "POST",
      `/api/v2/filters/${filter.id}/statuses`,
      {
        status_id: mention,
      },
    );
    const marked = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/notifications",
    );
    await assertResponseMatches(
      "GET",
      "/api/v1/notifications",
      200,
      marked.body,
    );
    const byStatus = new Map(
      marked.body.map((
        n: { status: { id: string } },
      ) => [n.status.id, n.status]),
    );
    assert.deepEqual(
      (byStatus.get(mention) as { filtered: { status_matches: string[] }[] })
        .filtered[0].status_matches,
      [mention],
    );
    assert.deepEqual(
      (byStatus.get(other) as { filtered: unknown[] }).filtered,
      [],
    );

    await api(instance, alice.token, "PUT", `/api/v2/filters/${filter.id}`, {
      filter_action: "hide",
    });
    const hidden = await api(
      instance,
      alice.token,
      "GET",
      "/api/v1/notifications",
    );
    assert.deepEqual(
      hidden.body.map((n: { status: { id: string } }) => n.status.id),
      [other],
    );
  } finally {
    await instance.close();
  }
});

Deno.test("filters apply to streamed updates: marked on the user stream, hide not sent", async () => {
  const instance = await startTestInstance();
  const alice = await createUserWithToken(instance, "alice");
  const bob = await createUserWithToken(instance, "bob");
  await follow(instance, alice, bob);
  const streaming = createStreamingAPIClient({
    streamingApiUrl: instance.origin.replace("http", "ws"),
    accessToken: alice.token,
  });
  try {
    const filter =
      (await api(instance, alice.token, "POST", "/api/v2/filters", {
        title: "Spoilers",
        context: ["home"],
        keywords_attributes: [{ keyword: "spoiler" }],
      })).body;
    const subscription = streaming.user.subscribe();
    const updates: { id: string; content: string; filtered?: unknown[] }[] = [];
    const until = (content: string) =>
      (async () => {
        for await (const event of subscription) {
          if (event.event !== "update") continue;
          const status = event.payload as unknown as (typeof updates)[number];
          updates.push(status);
          if (status.content.includes(content)) return;
        }
      })();
    const marked = until("big spoiler");
    await untilSubscribed(instance);
    const post = (status: string) =>
      api(instance, bob.token, "POST", "/api/v1/statuses", { status });
    await post("big spoiler ahead");
    await marked;
    const first = updates.at(-1) as {
      filtered: { filter: { id: string }; keywordMatches: string[] }[];
    };
    // masto.js camel-cases stream payloads.
    assert.equal(first.filtered[0].filter.id, filter.id);
    assert.deepEqual(first.filtered[0].keywordMatches, ["spoiler"]);

    await api(instance, alice.token, "PUT", `/api/v2/filters/${filter.id}`, {
      filter_action: "hide",
    });
    const plain = until("nothing to hide");
    await post("another spoiler");
    await post("nothing to hide");
    await plain;
    subscription.unsubscribe();
    assert.ok(
      !updates.some((s) => s.content.includes("another spoiler")),
      "a hide match is not streamed",
    );
  } finally {
    streaming.close();
    await instance.close();
  }
});
