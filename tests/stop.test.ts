/**
 * Stopping, as a supervisor does it: SIGTERM to the process group of `deno task start` (so the
 * server gets the signal twice: from the kill and from `deno task` passing its own on). The
 * request in flight finishes, open streams end (the WebSocket with a close frame), and the
 * process exits 0 with one log line about it and no error.
 */
import assert from "node:assert/strict";
import { freePort } from "./helpers/server-process.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** `deno task start` in a process group of its own (`setsid`), resolved once it listens. */
async function startInOwnGroup(env: Record<string, string>) {
  const child = new Deno.Command("setsid", {
    args: [Deno.execPath(), "task", "--quiet", "start"],
    cwd: ROOT,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let output = "";
  const seen: { text: string; reached: () => void }[] = [];
  const printed = (text: string) =>
    new Promise<void>((reached) => {
      if (output.includes(text)) reached();
      else seen.push({ text, reached });
    });
  const pumped = Promise.all([child.stdout, child.stderr].map(async (s) => {
    for await (const chunk of s.pipeThrough(new TextDecoderStream())) {
      output += chunk;
      for (const w of seen) if (output.includes(w.text)) w.reached();
    }
  }));
  const exited = child.status.then((status) => {
    throw new Error(`exited (${status.code}): ${output}`);
  });
  await Promise.race([printed("Starling listening"), exited]);
  exited.catch(() => {});
  return {
    child,
    printed,
    output: async () => (await pumped, output),
  };
}

/** An HTTP request sent by hand, so that its body can wait: `Expect: 100-continue`. */
async function openUpload(port: number, path: string, body: string) {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const bytes = new TextEncoder().encode(body);
  await conn.write(new TextEncoder().encode(
    `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n` +
      `content-type: application/json\r\ncontent-length: ${bytes.length}\r\n` +
      `expect: 100-continue\r\nconnection: close\r\n\r\n`,
  ));
  const reader = conn.readable.pipeThrough(new TextDecoderStream())
    .getReader();
  let received = "";
  // The server says "100 Continue" when the handler starts reading the body: from then on the
  // request is in flight, waiting for us.
  while (!received.includes("\r\n\r\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`closed before 100 Continue: ${received}`);
    received += value;
  }
  assert.match(received, /^HTTP\/1\.1 100 /);
  return {
    async finish() {
      await conn.write(bytes);
      let response = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        response += value;
      }
      return response;
    },
  };
}

Deno.test("SIGTERM to the process group: the request in flight finishes, streams end, exit 0 with one log line", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "starling-stop-" });
  const port = freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startInOwnGroup({
    PORT: String(port),
    ORIGIN: origin,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
  });
  try {
    // Two streaming clients that never leave on their own: a WebSocket and server-sent events.
    const socket = new WebSocket(
      `ws://127.0.0.1:${port}/api/v1/streaming?stream=public`,
    );
    const socketClosed = new Promise<CloseEvent>((resolve) =>
      socket.onclose = resolve
    );
    await new Promise((resolve, reject) => {
      socket.onopen = resolve;
      socket.onerror = reject;
    });
    const events = await fetch(`${origin}/api/v1/streaming/public`);
    assert.equal(events.status, 200);
    const eventReader = events.body!.getReader();
    await eventReader.read();

    // A request in flight: registering an app, its body not sent yet.
    const upload = await openUpload(
      port,
      "/api/v1/apps",
      JSON.stringify({
        client_name: "sent during shutdown",
        redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
      }),
    );

    Deno.kill(-server.child.pid, "SIGTERM");
    await server.printed("shutting down");

    const closed = await socketClosed;
    assert.equal(
      closed.code,
      1001,
      "the WebSocket got a going-away close frame",
    );
    assert.ok(closed.wasClean);
    for (;;) {
      const { done } = await eventReader.read();
      if (done) break; // the event stream ended
    }

    // While it waits for that request, a new one is turned away, to come back shortly.
    const late = await fetch(`${origin}/api/v1/instance`);
    await late.body?.cancel();
    assert.equal(late.status, 503);
    assert.ok(late.headers.get("retry-after"));

    const response = await upload.finish();
    assert.match(response, /^HTTP\/1\.1 200 /, response);
    assert.match(response, /"name":"sent during shutdown"/);

    const status = await server.child.status;
    const output = await server.output();
    assert.equal(status.code, 0, output);
    assert.equal(
      output.match(/shutting down/g)?.length,
      1,
      `one shutdown line:\n${output}`,
    );
    assert.doesNotMatch(output, /BadResource|Uncaught|error/i, output);
  } finally {
    try {
      Deno.kill(-server.child.pid, "SIGKILL");
    } catch { /* already gone */ }
    await server.child.status;
    await Deno.remove(dataDir, { recursive: true });
  }
});
