/**
 * Media uploads end to end on a real instance: a photo-sized JPEG with EXIF and an orientation tag
 * is oriented, stripped, capped at 8.3 MP, previewed and blurhashed; it can be described and
 * posted; files are served safely; bad files are refused with nothing stored; avatars go through
 * the same pipeline; day-old unattached uploads are pruned (by the server's hourly job).
 */
import assert from "node:assert/strict";
import sharp from "sharp";
import { isBlurhashValid } from "blurhash";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { assertMatchesSchema } from "../helpers/openapi.ts";
import { photoJpeg, smallPng, storedFiles, upload } from "./helpers.ts";
import { eventually } from "../federation/helpers.ts";
import { runAdminCommand } from "../../lib/admin/mod.ts";

Deno.test({
  name:
    "media: photo upload is oriented, stripped, capped, previewed, blurhashed, described, posted and served safely",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      // 4000×3000 stored pixels, orientation 6 (turn 90° clockwise): a 3000×4000 portrait
      // of 12 MP, over the 8.3 MP cap.
      const photo = await photoJpeg(4000, 3000, 6);
      assert.ok(photo.length > 1_000_000, "photo-sized");
      const source = await sharp(photo).metadata();
      assert.equal(source.orientation, 6);
      assert.ok(source.exif && source.exif.length > 0);

      const started = performance.now();
      const response = await upload(instance, alice.token, {
        bytes: photo,
        type: "image/jpeg",
        name: "IMG_0001.JPG",
      }, { description: "A red and blue test card", focus: "0.25,-0.5" });
      const elapsed = performance.now() - started;
      console.log(
        `processing the ${
          (photo.length / 1e6).toFixed(1)
        } MB 4000×3000 test photo: ${elapsed.toFixed(0)} ms`,
      );
      assert.equal(response.status, 200);
      const media = await response.json();
      await assertMatchesSchema(media, "MediaAttachment");
      assert.equal(media.type, "image");
      assert.equal(media.description, "A red and blue test card");
      assert.ok(isBlurhashValid(media.blurhash).result, "valid blurhash");
      assert.deepEqual(media.meta.focus, { x: 0.25, y: -0.5 });

      const { original, small } = media.meta;
      assert.ok(original.height > original.width, "orientation applied");
      assert.ok(original.width * original.height <= 3840 * 2160, "≤ 8.3 MP");
      assert.ok(
        original.width * original.height > 8_000_000,
        "not shrunk more",
      );
      assert.equal(original.size, `${original.width}x${original.height}`);
      assert.ok(Math.abs(original.aspect - 0.75) < 0.01);
      assert.ok(Math.max(small.width, small.height) <= 640);
      assert.equal(small.height, 640);

      // The served original: right type, safe headers, no metadata, upright pixels.
      assert.ok(media.url.startsWith(`${instance.origin}/media/`));
      const served = await instance.fetch(new URL(media.url).pathname);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get("content-type"), "image/jpeg");
      assert.equal(served.headers.get("x-content-type-options"), "nosniff");
      assert.equal(
        served.headers.get("content-security-policy"),
        "default-src 'none'; sandbox",
      );
      assert.match(served.headers.get("cache-control")!, /max-age=31536000/);
      const bytes = new Uint8Array(await served.arrayBuffer());
      const stored = await sharp(bytes).metadata();
      assert.equal(stored.exif, undefined, "EXIF (and GPS) stripped");
      assert.equal(stored.orientation, undefined, "no orientation tag left");
      assert.equal(stored.width, original.width);
      assert.equal(stored.height, original.height);
      assert.ok(!new TextDecoder("latin1").decode(bytes).includes("TestCam"));
      // Stored top half was red, bottom blue; turned clockwise, red is now on the right.
      const { data, info } = await sharp(bytes).resize(4, 4, { fit: "fill" })
        .raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => {
        const i = (y * info.width + x) * info.channels;
        return { r: data[i], b: data[i + 2] };
      };
      assert.ok(pixel(3, 1).r > pixel(3, 1).b, "right side red");
      assert.ok(pixel(0, 1).b > pixel(0, 1).r, "left side blue");

      const preview = await instance.fetch(new URL(media.preview_url).pathname);
      assert.equal(preview.headers.get("content-type"), "image/webp");
      const previewMeta = await sharp(
        new Uint8Array(await preview.arrayBuffer()),
      ).metadata();
      assert.equal(previewMeta.width, small.width);
      assert.equal(previewMeta.height, small.height);
      assert.equal(previewMeta.exif, undefined);

      // Before posting: described again, focus moved; GET shows it.
      const put = await apiFetch(
        instance,
        alice.token,
        `/api/v1/media/${media.id}`,
        {
          method: "PUT",
          body: {
            description: "Test card, red right, blue left",
            focus: "0,0.5",
          },
        },
      );
      assert.equal(put.status, 200);
      const updated = await put.json();
      await assertMatchesSchema(updated, "MediaAttachment");
      assert.equal(updated.description, "Test card, red right, blue left");
      assert.deepEqual(updated.meta.focus, { x: 0, y: 0.5 });
      const badFocus = await apiFetch(
        instance,
        alice.token,
        `/api/v1/media/${media.id}`,
        {
          method: "PUT",
          body: { focus: "3,0" },
        },
      );
      assert.equal(badFocus.status, 422);
      await assertMatchesSchema(await badFocus.json(), "Error");
      const get = await apiFetch(
        instance,
        alice.token,
        `/api/v1/media/${media.id}`,
      );
      assert.equal(get.status, 200);
      await assertMatchesSchema(await get.json(), "MediaAttachment");

      // Someone else's upload is invisible.
      const bob = await createUserWithToken(instance, "bob");
      const foreign = await apiFetch(
        instance,
        bob.token,
        `/api/v1/media/${media.id}`,
      );
      assert.equal(foreign.status, 404);
      await foreign.body?.cancel();

      // Posted: the status carries it.
      const posted = await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: { status: "with a picture", media_ids: [media.id] },
      });
      assert.equal(posted.status, 200);
      const status = await posted.json();
      await assertMatchesSchema(status, "Status");
      assert.equal(status.media_attachments.length, 1);
      const attached = status.media_attachments[0];
      await assertMatchesSchema(attached, "MediaAttachment");
      assert.equal(attached.id, media.id);
      assert.equal(attached.url, media.url);
      assert.equal(attached.description, "Test card, red right, blue left");
      assert.equal(attached.blurhash, media.blurhash);
      // Attached media can no longer be edited through the media API (Mastodon's rule).
      const afterPost = await apiFetch(
        instance,
        alice.token,
        `/api/v1/media/${media.id}`,
      );
      assert.equal(afterPost.status, 404);
      await afterPost.body?.cancel();

      // v1 upload answers the same entity.
      const v1 = await upload(
        instance,
        alice.token,
        {
          bytes: await smallPng(),
          type: "image/png",
        },
        {},
        "/api/v1/media",
      );
      assert.equal(v1.status, 200);
      const v1Media = await v1.json();
      await assertMatchesSchema(v1Media, "MediaAttachment");
      assert.deepEqual(
        [v1Media.meta.original.width, v1Media.meta.original.height],
        [64, 48],
      );
      assert.match(v1Media.url, /\.png$/);

      // Unknown paths and traversal attempts are plain 404s.
      for (
        const path of [
          "/media/../deno.json",
          "/media/media/x/original.jpg",
          "/media/%2e%2e/deno.json",
        ]
      ) {
        const r = await instance.fetch(path);
        assert.equal(r.status, 404, path);
        await r.body?.cancel();
      }

      // The instance publishes the limits.
      const instanceInfo = await (await instance.fetch("/api/v2/instance"))
        .json();
      await assertMatchesSchema(instanceInfo, "Instance");
      const limits = instanceInfo.configuration.media_attachments;
      assert.ok(limits.supported_mime_types.includes("image/webp"));
      assert.equal(limits.image_size_limit, 16_777_216);
      assert.equal(limits.image_matrix_limit, 33_177_600);
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "media: mislabelled, corrupt and oversize files are refused and nothing is stored",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const photo = await photoJpeg(1200, 800, 1);
      const count = async () =>
        Number(
          (await instance.deps.sql`SELECT count(*) FROM media_attachments`)[0]
            .count,
        );
      const cases: {
        name: string;
        bytes: Uint8Array;
        type: string;
        status: number;
      }[] = [
        {
          name: "text claiming image/png",
          bytes: new TextEncoder().encode(
            "<html><script>alert(1)</script></html>".repeat(10),
          ),
          type: "image/png",
          status: 422,
        },
        {
          name: "truncated JPEG",
          bytes: photo.slice(0, Math.floor(photo.length / 2)),
          type: "image/jpeg",
          status: 422,
        },
        {
          name: "PNG claiming video/mp4",
          bytes: await smallPng(),
          type: "video/mp4",
          status: 422,
        },
        {
          name: "JPEG header then garbage",
          bytes: new Uint8Array([
            0xff,
            0xd8,
            0xff,
            0xe0,
            ...new Uint8Array(500).fill(7),
          ]),
          type: "image/jpeg",
          status: 422,
        },
        {
          name: "image over 16 MB",
          bytes: (() => {
            const big = new Uint8Array(17 * 1024 * 1024);
            big.set(photo.subarray(0, 1000));
            return big;
          })(),
          type: "image/jpeg",
          status: 413,
        },
      ];
      for (const c of cases) {
        const response = await upload(instance, alice.token, c);
        assert.equal(response.status, c.status, c.name);
        const body = await response.json();
        await assertMatchesSchema(body, "Error");
        assert.equal(typeof body.error, "string", c.name);
      }
      const missing = await instance.fetch("/api/v2/media", {
        method: "POST",
        headers: { authorization: `Bearer ${alice.token}` },
        body: new FormData(),
      });
      assert.equal(missing.status, 422);
      await assertMatchesSchema(await missing.json(), "Error");

      assert.equal(await count(), 0, "no rows");
      assert.deepEqual(await storedFiles(instance), [], "no files");

      // Still serving, and a good upload still works.
      const ok = await upload(instance, alice.token, {
        bytes: photo,
        type: "image/jpeg",
      });
      assert.equal(ok.status, 200);
      await assertMatchesSchema(await ok.json(), "MediaAttachment");
      assert.equal(await count(), 1);
      assert.equal(
        (await storedFiles(instance)).length,
        2,
        "original + preview",
      );
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "media: avatar and header through update_credentials are cropped, stripped and served",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const form = new FormData();
      form.set(
        "avatar",
        new File(
          [await photoJpeg(900, 600, 6) as Uint8Array<ArrayBuffer>],
          "me.jpg",
          {
            type: "image/jpeg",
          },
        ),
      );
      form.set(
        "header",
        new File(
          [await smallPng(3000, 1200) as Uint8Array<ArrayBuffer>],
          "h.png",
          {
            type: "image/png",
          },
        ),
      );
      form.set("display_name", "Alice");
      const response = await instance.fetch(
        "/api/v1/accounts/update_credentials",
        {
          method: "PATCH",
          headers: { authorization: `Bearer ${alice.token}` },
          body: form,
        },
      );
      assert.equal(response.status, 200);
      const account = await response.json();
      await assertMatchesSchema(account, "CredentialAccount");
      assert.equal(account.display_name, "Alice");
      assert.match(account.avatar, /\/media\/avatars\//);
      const avatar = await instance.fetch(new URL(account.avatar).pathname);
      assert.equal(avatar.status, 200);
      const avatarMeta = await sharp(new Uint8Array(await avatar.arrayBuffer()))
        .metadata();
      assert.deepEqual([avatarMeta.width, avatarMeta.height], [400, 400]);
      assert.equal(avatarMeta.exif, undefined);
      const header = await instance.fetch(new URL(account.header).pathname);
      const headerMeta = await sharp(new Uint8Array(await header.arrayBuffer()))
        .metadata();
      assert.deepEqual([headerMeta.width, headerMeta.height], [1500, 500]);

      // A text file as avatar: refused, profile unchanged.
      const bad = new FormData();
      bad.set(
        "avatar",
        new File(["not an image at all"], "x.png", { type: "image/png" }),
      );
      const refused = await instance.fetch(
        "/api/v1/accounts/update_credentials",
        {
          method: "PATCH",
          headers: { authorization: `Bearer ${alice.token}` },
          body: bad,
        },
      );
      assert.equal(refused.status, 422);
      await assertMatchesSchema(await refused.json(), "Error");
      const me = await apiFetch(
        instance,
        alice.token,
        "/api/v1/accounts/verify_credentials",
      );
      assert.equal((await me.json()).avatar, account.avatar);
    } finally {
      await instance.close();
    }
  },
});

Deno.test({
  name:
    "media: unattached uploads are pruned after a day (server clean-up and admin command)",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await upload(instance, alice.token, {
          bytes: await smallPng(32 + i, 32),
          type: "image/png",
        });
        ids.push((await r.json()).id);
      }
      // One is posted: it stays however old it is.
      const posted = await apiFetch(instance, alice.token, "/api/v1/statuses", {
        body: { status: "kept", media_ids: [ids[0]] },
      });
      assert.equal(posted.status, 200);
      await posted.body?.cancel();
      const sql = instance.deps.sql;
      await sql`UPDATE media_attachments SET created_at = now() - interval '2 days'
                WHERE id = ANY(${ids.slice(0, 2)}::bigint[])`;
      assert.equal((await storedFiles(instance)).length, 6);

      // The server's hourly job — one row in `jobs`, however many processes — made due now:
      // it removes the day-old unattached one only, then waits for its next hour.
      const [schedule] = await sql<{ id: string }[]>`
        SELECT id FROM jobs WHERE kind = 'media.prune'`;
      assert.ok(schedule, "the pruning is scheduled");
      await sql`UPDATE jobs SET run_at = now() WHERE id = ${schedule.id}`;
      await sql`SELECT pg_notify('starling_jobs', '0')`;
      await eventually(
        "the pruning job ran",
        async () =>
          (await sql`SELECT 1 FROM jobs
          WHERE id = ${schedule.id} AND run_at > now() + interval '50 minutes'`)
            .length === 1,
      );
      const left = await sql<
        { id: string }[]
      >`SELECT id FROM media_attachments ORDER BY id`;
      assert.deepEqual(left.map((r) => r.id), [ids[0], ids[2]]);
      assert.equal((await storedFiles(instance)).length, 4);

      // The admin command with --days: reports progress.
      await sql`UPDATE media_attachments SET created_at = now() - interval '8 days'`;
      const lines: string[] = [];
      const code = await runAdminCommand(
        instance.deps,
        ["media", "prune", "--days", "7"],
        { out: (line) => lines.push(line) },
      );
      assert.equal(code, 0);
      assert.ok(lines.some((l) => /1\/1/.test(l)), lines.join("\n"));
      assert.equal((await storedFiles(instance)).length, 2, "posted one kept");
    } finally {
      await instance.close();
    }
  },
});
