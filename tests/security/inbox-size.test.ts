/** Inbox bodies over 1 MB get a 413 before anything parses them or fetches a key. */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";

Deno.test("an inbox delivery over 1 MB is refused with 413, declared or streamed", async () => {
  const instance = await startTestInstance();
  try {
    const big = new Uint8Array(1024 * 1024 + 1).fill(0x20);
    for (const path of ["/inbox", "/users/nobody/inbox"]) {
      const declared = await instance.fetch(path, {
        method: "POST",
        headers: { "content-type": "application/activity+json" },
        body: big,
      });
      assert.equal(declared.status, 413, path);
      await declared.body?.cancel();
      // Streamed with no Content-Length: cut off while reading.
      const streamed = await instance.fetch(path, {
        method: "POST",
        headers: { "content-type": "application/activity+json" },
        body: ReadableStream.from([big.slice(0, 600_000), big.slice(600_000)]),
      });
      assert.equal(streamed.status, 413, `${path} (streamed)`);
      await streamed.body?.cancel();
    }
  } finally {
    await instance.close();
  }
});
