/**
 * A video upload's processing is a job written with its row (not a promise in memory): with
 * ffmpeg installed, the upload answers 202 "processing", and the job adds the duration and a
 * preview frame, then leaves nothing behind in `jobs`. Ignored where ffmpeg isn't installed.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { apiFetch, createUserWithToken } from "../helpers/users.ts";
import { upload } from "./helpers.ts";
import { eventually } from "../federation/helpers.ts";
import { detectAvTools } from "../../lib/media/av.ts";

const tools = await detectAvTools();

async function oneSecondMp4(): Promise<Uint8Array> {
  const dir = await Deno.makeTempDir();
  try {
    const out = `${dir}/clip.mp4`;
    const made = await new Deno.Command(tools!.ffmpeg, {
      args: [
        "-loglevel",
        "error",
        "-f",
        "lavfi",
        "-i",
        "testsrc=duration=1:size=64x48:rate=10",
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

Deno.test({
  name:
    "media: a video's processing runs as a job: duration and preview frame, then no job left",
  ignore: tools === null,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const instance = await startTestInstance();
    try {
      const alice = await createUserWithToken(instance, "alice");
      const res = await upload(instance, alice.token, {
        bytes: await oneSecondMp4(),
        type: "video/mp4",
        name: "clip.mp4",
      });
      const body = await res.json();
      assert.equal(res.status, 202, JSON.stringify(body));
      const done = await eventually("processed", async () => {
        const r = await apiFetch(
          instance,
          alice.token,
          `/api/v1/media/${body.id}`,
        );
        const json = await r.json();
        return r.status === 200 ? json : null;
      });
      assert.equal(done.type, "video");
      assert.ok(Math.abs(done.meta.original.duration - 1) < 0.2);
      assert.match(done.preview_url, /small\.webp$/);
      const left = await instance.deps.sql`SELECT kind FROM jobs
        WHERE kind = 'media.process_av'`;
      assert.equal(left.length, 0);
    } finally {
      await instance.close();
    }
  },
});
