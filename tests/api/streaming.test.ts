/**
 * Streaming through masto.js (token in Sec-WebSocket-Protocol, which must be echoed), and
 * server-sent events. Instances run on Postgres, so events travel through LISTEN/NOTIFY.
 */
import assert from "node:assert/strict";
import { createRestAPIClient, createStreamingAPIClient } from "masto";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken, follow } from "../helpers/users.ts";
import { assertMatchesSchema } from "../helpers/openapi.ts";
import { untilSubscribed, withTimeout } from "../helpers/streams.ts";

Deno.test("WebSocket: update and notification on the user stream", async () => {
  const instance = await startTestInstance();
  const alice = await createUserWithToken(instance, "alice");
  const bob = await createUserWithToken(instance, "bob");
  await follow(instance, alice, bob);
  const streaming = createStreamingAPIClient({
    streamingApiUrl: instance.origin.replace("http", "ws"),
    accessToken: alice.token,
  });
  try {
    const subscription = streaming.user.subscribe();
    const events: { event: string; payload: unknown }[] = [];
    const received = (async () => {
      for await (const event of subscription) {
        events.push(event as never);
        if (
          events.some((e) => e.event === "notification") &&
          events.some((e) => e.event === "update")
        ) {
          return;
        }
      }
    })();
    await untilSubscribed(instance);
    const asBob = createRestAPIClient({
      url: instance.origin,
      accessToken: bob.token,
    });
    const post = await asBob.v1.statuses.create({ status: "hi @alice" });
    await withTimeout(received);
    subscription.unsubscribe();
    const update = events.find((e) => e.event === "update")!;
    assert.equal((update.payload as { id: string }).id, post.id);
    const notification = events.find((e) => e.event === "notification")!;
    assert.equal((notification.payload as { type: string }).type, "mention");
  } finally {
    streaming.close();
    await instance.close();
  }
});

Deno.test("WebSocket echoes the protocol; SSE public/local; health", async () => {
  const instance = await startTestInstance();
  try {
    const alice = await createUserWithToken(instance, "alice");
    const health = await instance.fetch("/api/v1/streaming/health");
    assert.equal(await health.text(), "OK");

    const socket = new WebSocket(
      `${
        instance.origin.replace("http", "ws")
      }/api/v1/streaming?stream=public:local`,
      alice.token,
    );
    const opened = Promise.withResolvers<void>();
    socket.onopen = () => opened.resolve();
    socket.onerror = () => opened.reject(new Error("socket failed"));
    await withTimeout(opened.promise);
    assert.equal(socket.protocol, alice.token);
    const message = Promise.withResolvers<
      { stream: string[]; event: string; payload: string }
    >();
    socket.onmessage = (e) => message.resolve(JSON.parse(e.data));

    const controller = new AbortController();
    const sse = await instance.fetch("/api/v1/streaming/public/local", {
      signal: controller.signal,
    });
    assert.equal(sse.headers.get("content-type"), "text/event-stream");
    const reader = sse.body!.pipeThrough(new TextDecoderStream()).getReader();

    await new Promise((r) => setTimeout(r, 200));
    const posted =
      await (await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: { status: "streamed" },
      })).json();
    const ws = await withTimeout(message.promise);
    assert.deepEqual(ws.stream, ["public:local"]);
    assert.equal(ws.event, "update");
    const wsStatus = JSON.parse(ws.payload);
    assert.equal(wsStatus.id, posted.id);
    await assertMatchesSchema(wsStatus, "Status");

    let text = "";
    while (!text.includes("event: update")) {
      const { value, done } = await withTimeout(reader.read());
      if (done) break;
      text += value;
    }
    assert.match(text, new RegExp(`"id":"${posted.id}"`));
    controller.abort();
    await reader.cancel().catch(() => {});
    socket.close();
  } finally {
    await instance.close();
  }
});
