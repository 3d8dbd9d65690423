/**
 * Direct-message conversations (Mastodon's account_conversations): one per participant, unread
 * for recipients, replies join the same conversation, deleting the last status falls back to the
 * previous one, mark read, remove; `conversation` events on the `direct` stream (WebSocket and
 * SSE). Postgres, so stream events travel through LISTEN/NOTIFY.
 */
import assert from "node:assert/strict";
import { withTimeout } from "../helpers/streams.ts";
import { createStreamingAPIClient } from "masto";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import {
  apiFetch,
  createUserWithToken,
  type TestUser,
} from "../helpers/users.ts";
import {
  assertMatchesSchema,
  assertResponseMatches,
} from "../helpers/openapi.ts";

// deno-lint-ignore no-explicit-any
type Json = any;

async function post(
  instance: TestInstance,
  user: TestUser,
  body: Record<string, unknown>,
): Promise<Json> {
  const res = await apiFetch(instance, user.token, "/api/v1/statuses", {
    body: { visibility: "direct", ...body },
  });
  assert.equal(res.status, 200);
  return await res.json();
}

async function conversations(
  instance: TestInstance,
  user: TestUser,
  query = "",
): Promise<{ body: Json[]; link: string | null }> {
  const res = await apiFetch(
    instance,
    user.token,
    `/api/v1/conversations${query}`,
  );
  assert.equal(res.status, 200);
  return { body: await res.json(), link: res.headers.get("link") };
}

Deno.test("conversations: participants, unread, replies, delete fallback, read, remove", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const bob = await createUserWithToken(instance, "bob");
    const carol = await createUserWithToken(instance, "carol");

    const first = await post(instance, alice, { status: "@bob psst" });
    const [bobs] = (await conversations(instance, bob)).body;
    await assertMatchesSchema(bobs, "Conversation");
    assert.equal(bobs.unread, true);
    assert.deepEqual(bobs.accounts.map((a: Json) => a.id), [alice.account.id]);
    assert.equal(bobs.last_status.id, first.id);
    const [alices] = (await conversations(instance, alice)).body;
    assert.equal(alices.unread, false);
    assert.deepEqual(alices.accounts.map((a: Json) => a.id), [bob.account.id]);
    assert.deepEqual((await conversations(instance, carol)).body, []);

    // A reply joins the same conversation for both; the author's copy is read, the other unread.
    const reply = await post(instance, bob, {
      status: "@alice what?",
      in_reply_to_id: first.id,
    });
    const afterReply = (await conversations(instance, alice)).body;
    assert.equal(afterReply.length, 1);
    assert.equal(afterReply[0].id, alices.id);
    assert.equal(afterReply[0].unread, true);
    assert.equal(afterReply[0].last_status.id, reply.id);
    const bobAfter = (await conversations(instance, bob)).body;
    assert.equal(bobAfter.length, 1);
    assert.equal(bobAfter[0].unread, false);

    // Public posts and a note to oneself: only the latter is a conversation (listing oneself).
    await post(instance, alice, { status: "hello @bob", visibility: "public" });
    const note = await post(instance, carol, { status: "note to self" });
    const [self] = (await conversations(instance, carol)).body;
    assert.equal(self.last_status.id, note.id);
    assert.deepEqual(self.accounts.map((a: Json) => a.id), [carol.account.id]);
    assert.equal((await conversations(instance, bob)).body.length, 1);

    // Deleting the last status falls back to the previous one; deleting all removes it.
    const deleted = await apiFetch(
      instance,
      bob.token,
      `/api/v1/statuses/${reply.id}`,
      { method: "DELETE" },
    );
    assert.equal(deleted.status, 200);
    const [fallback] = (await conversations(instance, alice)).body;
    assert.equal(fallback.last_status.id, first.id);
    await apiFetch(instance, carol.token, `/api/v1/statuses/${note.id}`, {
      method: "DELETE",
    });
    assert.deepEqual((await conversations(instance, carol)).body, []);

    // Mark read, then remove; someone else's conversation is a 404.
    const read = await apiFetch(
      instance,
      alice.token,
      `/api/v1/conversations/${alices.id}/read`,
      { method: "POST" },
    );
    assert.equal(read.status, 200);
    const readBody = await read.json();
    assert.equal(readBody.unread, false);
    await assertResponseMatches(
      "POST",
      "/api/v1/conversations/{id}/read",
      200,
      readBody,
    );
    const foreign = await apiFetch(
      instance,
      carol.token,
      `/api/v1/conversations/${alices.id}`,
      { method: "DELETE" },
    );
    assert.equal(foreign.status, 404);
    assert.equal(
      (await apiFetch(instance, alice.token, "/api/v1/conversations/abc", {
        method: "DELETE",
      })).status,
      404,
    );
    const removed = await apiFetch(
      instance,
      alice.token,
      `/api/v1/conversations/${alices.id}`,
      { method: "DELETE" },
    );
    assert.equal(removed.status, 200);
    await removed.body?.cancel();
    assert.deepEqual((await conversations(instance, alice)).body, []);
    assert.equal((await conversations(instance, bob)).body.length, 1);
    // A new direct status brings a removed conversation back.
    await post(instance, bob, { status: "@alice still there?" });
    assert.equal((await conversations(instance, alice)).body.length, 1);
  } finally {
    await instance.close();
  }
});

Deno.test("conversations: paging by last status with Link, blocked senders", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const others: TestUser[] = [];
    for (const name of ["bob", "carol", "dave"]) {
      const user = await createUserWithToken(instance, name);
      others.push(user);
      await post(instance, user, { status: `@alice hi from ${name}` });
    }
    const first = await conversations(instance, alice, "?limit=2");
    assert.deepEqual(
      first.body.map((c: Json) => c.accounts[0].username),
      ["dave", "carol"],
    );
    assert.ok(first.link);
    const next = /<([^>]+)>; rel="next"/.exec(first.link)![1];
    const url = new URL(next);
    const second = await conversations(instance, alice, url.search);
    assert.deepEqual(
      second.body.map((c: Json) => c.accounts[0].username),
      ["bob"],
    );

    // A blocked sender's direct message starts no conversation.
    const eve = await createUserWithToken(instance, "eve");
    const block = await apiFetch(
      instance,
      alice.token,
      `/api/v1/accounts/${eve.account.id}/block`,
      { method: "POST" },
    );
    assert.equal(block.status, 200);
    await post(instance, eve, { status: "@alice let me in" });
    assert.equal((await conversations(instance, alice)).body.length, 3);
  } finally {
    await instance.close();
  }
});

Deno.test("direct stream: conversation events over WebSocket and SSE", async () => {
  const instance = await startTestInstance();
  const alice = await createUserWithToken(instance, "alice");
  const bob = await createUserWithToken(instance, "bob");
  const streaming = createStreamingAPIClient({
    streamingApiUrl: instance.origin.replace("http", "ws"),
    accessToken: alice.token,
  });
  const controller = new AbortController();
  try {
    const subscription = streaming.direct.subscribe();
    const received = (async () => {
      for await (const event of subscription) {
        if (event.event === "conversation") return event;
      }
    })();
    const sse = await instance.fetch("/api/v1/streaming/direct", {
      headers: { authorization: `Bearer ${alice.token}` },
      signal: controller.signal,
    });
    assert.equal(sse.status, 200);
    assert.equal(sse.headers.get("content-type"), "text/event-stream");
    const reader = sse.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (let i = 0; i < 50 && instance.deps.streams.size < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 200));

    // A public mention is not a conversation: it must not reach the direct stream.
    await post(instance, bob, {
      status: "@alice public",
      visibility: "public",
    });
    const dm = await post(instance, bob, { status: "@alice secret" });
    const event = await withTimeout(received);
    subscription.unsubscribe();
    assert.ok(event);
    // masto.js hands entities over camelCased.
    const payload = event.payload as Json;
    assert.equal(payload.lastStatus.id, dm.id);
    assert.equal(payload.unread, true);

    let text = "";
    while (!text.includes("event: conversation")) {
      const { value, done } = await withTimeout(reader.read());
      if (done) break;
      text += value;
    }
    const data = /event: conversation\ndata: (.*)\n/.exec(text)![1];
    const conversation = JSON.parse(data);
    assert.equal(conversation.last_status.id, dm.id);
    await assertMatchesSchema(conversation, "Conversation");
    assert.doesNotMatch(text, /event: update/);
    controller.abort();
    await reader.cancel().catch(() => {});
  } finally {
    controller.abort();
    streaming.close();
    await instance.close();
  }
});
