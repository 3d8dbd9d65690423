/**
 * What `GET /api/v2/instance` advertises is what the server does: each `configuration` limit is
 * tried at the limit (accepted) and one past it (refused), `api_versions.mastodon` is the level
 * the code declares, and every URL it gives resolves.
 */
import assert from "node:assert/strict";
import sharp from "sharp";
import { startTestInstance, type TestInstance } from "../helpers/app.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { api, createUserWithToken } from "../helpers/users.ts";
import { smallPng, upload } from "../media/helpers.ts";
import { detectAvTools } from "../../lib/media/av.ts";
import { MASTODON_API_VERSION } from "../../lib/mastodon/entities/instance.ts";

async function configuration(instance: TestInstance) {
  const res = await api(instance, null, "GET", "/api/v2/instance");
  await assertResponseMatches("GET", "/api/v2/instance", 200, res.body);
  return res.body;
}

Deno.test("instance limits: statuses, polls and accounts hold at the limit and refuse past it", async () => {
  const instance = await startTestInstance();
  try {
    const { configuration: c } = await configuration(instance);
    const alice = await createUserWithToken(instance, "alice");
    const post = (body: Record<string, unknown>) =>
      api(instance, alice.token, "POST", "/api/v1/statuses", body);

    const max = c.statuses.max_characters;
    assert.equal((await post({ status: "a".repeat(max) })).status, 200);
    assert.equal((await post({ status: "a".repeat(max + 1) })).status, 422);
    const url = `https://example.com/${"x".repeat(200)}`;
    const withUrl = `${url} ${
      "a".repeat(max - c.statuses.characters_reserved_per_url - 1)
    }`;
    assert.equal(
      (await post({ status: withUrl })).status,
      200,
      "a URL counts as characters_reserved_per_url",
    );
    assert.equal((await post({ status: `${withUrl}a` })).status, 422);

    const mediaIds: string[] = [];
    for (let i = 0; i <= c.statuses.max_media_attachments; i++) {
      const res = await upload(instance, alice.token, {
        bytes: await smallPng(),
        type: "image/png",
      });
      mediaIds.push((await res.json()).id);
    }
    assert.equal(
      (await post({ status: "too many", media_ids: mediaIds })).status,
      422,
    );
    assert.equal(
      (await post({
        status: "as many as allowed",
        media_ids: mediaIds.slice(1),
      })).status,
      200,
    );

    const p = c.polls;
    const options = (n: number, length = 1) =>
      Array.from({ length: n }, (_, i) => `${i}`.padEnd(length, "o"));
    const poll = (o: string[], expires_in: number) =>
      post({ status: "poll", poll: { options: o, expires_in } });
    assert.equal(
      (await poll(
        options(p.max_options, p.max_characters_per_option),
        p.min_expiration,
      )).status,
      200,
    );
    assert.equal((await poll(options(p.max_options + 1), 3600)).status, 422);
    assert.equal(
      (await poll(options(2, p.max_characters_per_option + 1), 3600)).status,
      422,
    );
    assert.equal((await poll(options(2), p.min_expiration - 1)).status, 422);
    assert.equal((await poll(options(2), p.max_expiration)).status, 200);
    assert.equal((await poll(options(2), p.max_expiration + 1)).status, 422);

    const a = c.accounts;
    for (let i = 0; i < a.max_featured_tags; i++) {
      const tag = await api(
        instance,
        alice.token,
        "POST",
        "/api/v1/featured_tags",
        { name: `tag${i}` },
      );
      assert.equal(tag.status, 200);
    }
    assert.equal(
      (await api(instance, alice.token, "POST", "/api/v1/featured_tags", {
        name: "onemore",
      })).status,
      422,
    );
    for (let i = 0; i <= a.max_pinned_statuses; i++) {
      const id = (await post({ status: `pin ${i}` })).body.id;
      const pinned = await api(
        instance,
        alice.token,
        "POST",
        `/api/v1/statuses/${id}/pin`,
      );
      assert.equal(
        pinned.status,
        i < a.max_pinned_statuses ? 200 : 422,
        `pin ${i + 1}`,
      );
    }

    const profile = (body: Record<string, unknown>) =>
      api(
        instance,
        alice.token,
        "PATCH",
        "/api/v1/accounts/update_credentials",
        body,
      );
    const fields = (n: number, name = 1, value = 1) =>
      Array.from({ length: n }, (_, i) => ({
        name: `${i}`.padEnd(name, "n"),
        value: `${i}`.padEnd(value, "v"),
      }));
    const accepted = await profile({
      display_name: "d".repeat(a.max_display_name_length),
      note: "n".repeat(a.max_note_length),
      fields_attributes: fields(
        a.max_profile_fields,
        a.profile_field_name_limit,
        a.profile_field_value_limit,
      ),
      avatar_description: "a".repeat(a.max_avatar_description_length),
      header_description: "h".repeat(a.max_header_description_length),
    });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    for (
      const body of [
        { display_name: "d".repeat(a.max_display_name_length + 1) },
        { note: "n".repeat(a.max_note_length + 1) },
        { fields_attributes: fields(a.max_profile_fields + 1) },
        { fields_attributes: fields(1, a.profile_field_name_limit + 1) },
        { fields_attributes: fields(1, 1, a.profile_field_value_limit + 1) },
        { avatar_description: "a".repeat(a.max_avatar_description_length + 1) },
        { header_description: "h".repeat(a.max_header_description_length + 1) },
      ]
    ) {
      assert.equal((await profile(body)).status, 422, Object.keys(body)[0]);
    }
  } finally {
    await instance.close();
  }
});

const avTools = await detectAvTools();

async function video(size: string, rate: number): Promise<Uint8Array> {
  const dir = await Deno.makeTempDir();
  try {
    const out = `${dir}/clip.mp4`;
    const made = await new Deno.Command(avTools!.ffmpeg, {
      args: [
        "-loglevel",
        "error",
        "-f",
        "lavfi",
        "-i",
        `testsrc=duration=0.2:size=${size}:rate=${rate}`,
        "-pix_fmt",
        "yuv420p",
        out,
      ],
    }).output();
    assert.ok(made.success, new TextDecoder().decode(made.stderr));
    return await Deno.readFile(out);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("instance limits: media types, sizes, descriptions and image matrix", async () => {
  const instance = await startTestInstance();
  try {
    const { configuration: c } = await configuration(instance);
    const m = c.media_attachments;
    const alice = await createUserWithToken(instance, "alice");
    const png = await smallPng();
    const described = (description: string) =>
      upload(instance, alice.token, { bytes: png, type: "image/png" }, {
        description,
      });
    assert.equal(
      (await described("d".repeat(m.description_limit))).status,
      200,
    );
    assert.equal(
      (await described("d".repeat(m.description_limit + 1))).status,
      422,
    );
    const text = new TextEncoder().encode("just text");
    assert.ok(!m.supported_mime_types.includes("text/plain"));
    assert.equal(
      (await upload(instance, alice.token, { bytes: text, type: "text/plain" }))
        .status,
      422,
    );

    const oversize = new Uint8Array(m.image_size_limit + 1);
    oversize.set(png);
    const tooBig = await upload(instance, alice.token, {
      bytes: oversize,
      type: "image/png",
    });
    assert.equal(tooBig.status, 413);
    await tooBig.body?.cancel();

    const side = Math.ceil(Math.sqrt(m.image_matrix_limit)) + 1;
    const huge = new Uint8Array(
      await sharp({
        create: {
          width: side,
          height: side,
          channels: 3,
          background: "#336699",
        },
      })
        .png().toBuffer(),
    );
    const refused = await upload(instance, alice.token, {
      bytes: huge,
      type: "image/png",
    });
    assert.equal(refused.status, 422, "more pixels than image_matrix_limit");
    await refused.body?.cancel();
  } finally {
    await instance.close();
  }
});

Deno.test({
  name: "instance limits: video frame size and rate (checked with ffprobe)",
  ignore: avTools === null,
  async fn() {
    const instance = await startTestInstance();
    try {
      const { configuration: c } = await configuration(instance);
      const m = c.media_attachments;
      const alice = await createUserWithToken(instance, "alice");
      const send = async (bytes: Uint8Array) => {
        const res = await upload(instance, alice.token, {
          bytes,
          type: "video/mp4",
        });
        await res.body?.cancel();
        return res.status;
      };
      assert.ok([200, 202].includes(await send(await video("64x48", 10))));
      assert.equal(
        await send(await video("64x48", m.video_frame_rate_limit * 2)),
        422,
      );
      const width = 4096;
      const height = Math.ceil(m.video_matrix_limit / width / 2) * 2 + 2;
      assert.equal(await send(await video(`${width}x${height}`, 5)), 422);
    } finally {
      await instance.close();
    }
  },
});

Deno.test("instance: api_versions is the declared level; every URL given resolves", async (t) => {
  const instance = await startTestInstance();
  try {
    const v2 = await configuration(instance);
    assert.equal(v2.api_versions.mastodon, MASTODON_API_VERSION);
    assert.equal(v2.configuration.translation.enabled, false);
    const languages = await api(
      instance,
      null,
      "GET",
      "/api/v1/instance/translation_languages",
    );
    assert.deepEqual(languages.body, {}, "no translator: nothing offered");
    const alice = await createUserWithToken(instance, "alice");
    const status = await api(
      instance,
      alice.token,
      "POST",
      "/api/v1/statuses",
      {
        status: "Bonjour",
        language: "fr",
      },
    );
    const translate = await api(
      instance,
      alice.token,
      "POST",
      `/api/v1/statuses/${status.body.id}/translate`,
    );
    assert.equal(
      translate.status,
      404,
      "as Mastodon with no translator set up",
    );

    const v1 = (await api(instance, null, "GET", "/api/v1/instance")).body;
    const urls: Record<string, string | null> = {
      "thumbnail.url": v2.thumbnail.url,
      "configuration.urls.streaming": v2.configuration.urls.streaming,
      "configuration.urls.status": v2.configuration.urls.status,
      "configuration.urls.about": v2.configuration.urls.about,
      "configuration.urls.privacy_policy": v2.configuration.urls.privacy_policy,
      "configuration.urls.terms_of_service":
        v2.configuration.urls.terms_of_service,
      "registrations.url": v2.registrations.url,
      "v1 thumbnail": v1.thumbnail,
      "v1 urls.streaming_api": v1.urls.streaming_api,
    };
    for (const [where, url] of Object.entries(urls)) {
      await t.step({
        name: `${where}: ${url}`,
        ignore: url === null,
        async fn() {
          // The streaming URL is a ws(s) origin: its health check answers over http(s).
          const target = /^wss?:/.test(url!)
            ? `${url!.replace(/^ws/, "http")}/api/v1/streaming/health`
            : url!;
          const res = await fetch(target);
          await res.body?.cancel();
          assert.equal(res.status, 200, `${where} → ${res.status}`);
        },
      });
    }
  } finally {
    await instance.close();
  }
});
