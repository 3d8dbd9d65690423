/**
 * S3-compatible storage against a real S3 API server (s3rver from npm, in process): uploads land
 * in the bucket, URLs point at `S3_PUBLIC_URL`, old `/media/<key>` links redirect, pruning
 * deletes the objects. s3rver accepts any signature, so the SigV4 signing itself is checked
 * separately by its shape (credential scope, signed headers, signature). Plus the configuration's
 * refusals.
 */
import assert from "node:assert/strict";
import S3rver from "s3rver";
import sharp from "sharp";
import { startTestInstance } from "../helpers/app.ts";
import { createUserWithToken } from "../helpers/users.ts";
import { assertMatchesSchema } from "../helpers/openapi.ts";
import { ConfigError, loadConfig } from "../../lib/config.ts";
import { S3MediaStorage } from "../../lib/media/storage.ts";
import { pruneUnattachedMedia } from "../../lib/domain/media.ts";
import { photoJpeg, upload } from "./helpers.ts";

const BUCKET = "starling-media";

Deno.test({
  name:
    "media on S3: upload, public URL, redirect from /media, prune deletes the objects",
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
    const instance = await startTestInstance({
      env: {
        MEDIA_STORAGE: "s3",
        S3_ENDPOINT: endpoint,
        S3_BUCKET: BUCKET,
        S3_REGION: "us-east-1",
        S3_ACCESS_KEY_ID: "S3RVER",
        S3_SECRET_ACCESS_KEY: "S3RVER",
        S3_PUBLIC_URL: `${endpoint}/${BUCKET}`,
      },
    });
    try {
      assert.equal(instance.deps.media.kind, "s3");
      const alice = await createUserWithToken(instance, "alice");
      const response = await upload(instance, alice.token, {
        bytes: await photoJpeg(1200, 900, 6),
        type: "image/jpeg",
      }, { description: "on S3" });
      assert.equal(response.status, 200);
      const media = await response.json();
      await assertMatchesSchema(media, "MediaAttachment");
      assert.ok(media.url.startsWith(`${endpoint}/${BUCKET}/media/`));
      assert.ok(media.preview_url.startsWith(`${endpoint}/${BUCKET}/media/`));

      const file = await fetch(media.url);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get("content-type"), "image/jpeg");
      const stored = await sharp(new Uint8Array(await file.arrayBuffer()))
        .metadata();
      assert.equal(stored.exif, undefined);
      assert.deepEqual([stored.width, stored.height], [900, 1200]);

      // A /media/<key> link (e.g. rendered before the move to S3) redirects to the bucket.
      const key = media.url.slice(`${endpoint}/${BUCKET}/`.length);
      const redirect = await instance.fetch(`/media/${key}`, {
        redirect: "manual",
      });
      assert.equal(redirect.status, 301);
      assert.equal(redirect.headers.get("location"), media.url);
      await redirect.body?.cancel();

      // Pruning removes the objects from the bucket.
      await instance.deps.sql`
        UPDATE media_attachments SET created_at = now() - interval '2 days'`;
      assert.equal(
        await pruneUnattachedMedia(instance.deps, 24 * 3600 * 1000),
        1,
      );
      const gone = await fetch(media.url);
      assert.equal(gone.status, 404);
      await gone.body?.cancel();
      const previewGone = await fetch(media.preview_url);
      assert.equal(previewGone.status, 404);
      await previewGone.body?.cancel();
    } finally {
      await instance.close();
      await s3.close();
      await Deno.remove(directory, { recursive: true }).catch(() => {});
    }
  },
});

Deno.test("media on S3: configuration is validated and signed requests name the region", async () => {
  const base = {
    MEDIA_STORAGE: "s3",
    S3_ENDPOINT: "https://s3.example",
    S3_BUCKET: "media",
    S3_ACCESS_KEY_ID: "AKIDEXAMPLE",
    S3_SECRET_ACCESS_KEY: "secret",
  };
  for (
    const missing of [
      "S3_ENDPOINT",
      "S3_BUCKET",
      "S3_ACCESS_KEY_ID",
      "S3_SECRET_ACCESS_KEY",
    ]
  ) {
    const env: Record<string, string> = { ...base };
    delete env[missing];
    assert.throws(
      () => loadConfig(env, "/tmp"),
      (error: unknown) =>
        error instanceof ConfigError && error.message.startsWith(missing),
    );
  }
  assert.throws(
    () => loadConfig({ ...base, S3_ENDPOINT: "ftp://x" }, "/tmp"),
    /S3_ENDPOINT/,
  );
  assert.throws(
    () => loadConfig({ ...base, MEDIA_STORAGE: "nfs" }, "/tmp"),
    /MEDIA_STORAGE/,
  );
  assert.throws(
    () => loadConfig({ ...base, S3_BUCKET: "Bad_Bucket" }, "/tmp"),
    /S3_BUCKET/,
  );
  const config = loadConfig({ ...base, S3_REGION: "eu-central-1" }, "/tmp");
  assert.equal(config.media.storage, "s3");
  if (config.media.storage !== "s3") return;
  assert.equal(config.media.s3.publicUrl, "https://s3.example/media");
  assert.deepEqual(loadConfig({}, "/tmp").media, { storage: "local" });

  const storage = new S3MediaStorage(config.media.s3);
  const signed = await storage.sign("PUT", "media/abc/original.jpg");
  assert.equal(signed.url, "https://s3.example/media/media/abc/original.jpg");
  assert.match(
    signed.headers.get("authorization")!,
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
  );
  assert.ok(signed.headers.get("x-amz-date"));
  assert.ok(signed.headers.get("x-amz-content-sha256"));
  assert.throws(
    () => storage.sign("GET", "../etc/passwd"),
    /invalid media key/,
  );
});
