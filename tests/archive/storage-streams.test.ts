/**
 * The streams an archive is written and read through, on both storages: a file of unknown
 * length written from a stream (on S3 a multipart upload, against s3rver), read back whole and
 * by byte range; and a ZIP read from storage by its directory (`lib/archive/zip-reader.ts`),
 * entries stored and deflated.
 */
import assert from "node:assert/strict";
import S3rver from "s3rver";
import { zipSync } from "fflate";
import {
  LocalMediaStorage,
  type MediaStorage,
  S3MediaStorage,
} from "../../lib/media/storage.ts";
import { openZipEntry, readZipEntries } from "../../lib/archive/zip-reader.ts";

const BUCKET = "starling-media";

/** `size` bytes of a repeatable pattern, handed out in 1 MiB chunks. */
function patternStream(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = new Uint8Array(Math.min(1048576, size - sent));
      for (let i = 0; i < chunk.length; i++) chunk[i] = (sent + i) % 251;
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function exercise(storage: MediaStorage) {
  // Over two S3 parts (8 MiB each), the last one short.
  const size = 17 * 1048576 + 12345;
  const key = "archives/0123abcd/archive.zip";
  assert.equal(
    await storage.putStream(key, patternStream(size), "application/zip", {
      private: true,
    }),
    size,
  );
  const whole = await storage.getStream(key);
  assert.ok(whole);
  assert.equal(whole.size, size);
  const bytes = await bytesOf(whole.body);
  assert.equal(bytes.length, size);
  assert.ok(
    bytes.every((b, i) => b === i % 251),
    "the bytes come back as sent",
  );
  const part = await storage.getStream(key, { start: 8388600, end: 8388619 });
  assert.ok(part);
  assert.equal(part.size, size);
  assert.deepEqual(
    [...await bytesOf(part.body)],
    Array.from({ length: 20 }, (_, i) => (8388600 + i) % 251),
  );
  assert.equal(await storage.getStream("archives/ffff/none.zip"), null);

  const zipKey = "archives/4567cdef/import.zip";
  const text = "x".repeat(100_000);
  const zip = zipSync({
    "outbox.json": [new TextEncoder().encode(text), { level: 6 }],
    "media_attachments/files/a.bin": [new Uint8Array([1, 2, 3]), { level: 0 }],
  });
  await storage.putStream(zipKey, new Response(zip).body!, "application/zip");
  const entries = await readZipEntries(storage, zipKey, zip.length);
  assert.deepEqual(entries.map((e) => [e.name, e.method]), [
    ["outbox.json", 8],
    ["media_attachments/files/a.bin", 0],
  ]);
  const outbox = await openZipEntry(storage, zipKey, entries[0]);
  assert.equal(await new Response(outbox).text(), text);
  const file = await openZipEntry(storage, zipKey, entries[1]);
  assert.deepEqual([...await bytesOf(file)], [1, 2, 3]);
  await storage.delete(key);
  await storage.delete(zipKey);
  assert.equal(await storage.getStream(key), null);
}

Deno.test("archive storage streams: local directory", async () => {
  const directory = await Deno.makeTempDir({ prefix: "starling-streams-" });
  try {
    await exercise(new LocalMediaStorage(directory, "http://127.0.0.1"));
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
});

Deno.test({
  name: "archive storage streams: S3 multipart upload and ranged reads",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const directory = await Deno.makeTempDir({ prefix: "starling-s3-" });
    const s3 = new S3rver({
      port: 0,
      address: "127.0.0.1",
      silent: true,
      directory,
      configureBuckets: [{ name: BUCKET }],
    });
    const { port } = await s3.run();
    const endpoint = `http://127.0.0.1:${port}`;
    try {
      await exercise(
        new S3MediaStorage({
          endpoint,
          bucket: BUCKET,
          region: "us-east-1",
          accessKeyId: "S3RVER",
          secretAccessKey: "S3RVER",
          publicUrl: `${endpoint}/${BUCKET}`,
        }),
      );
    } finally {
      await s3.close();
      await Deno.remove(directory, { recursive: true });
    }
  },
});
