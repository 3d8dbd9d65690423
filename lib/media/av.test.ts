import assert from "node:assert/strict";
import { framesPerSecond, videoLimitProblem } from "./av.ts";

const limits = { video_matrix_limit: 8_294_400, video_frame_rate_limit: 120 };

Deno.test("videoLimitProblem: frame size and rate against the advertised limits", () => {
  assert.equal(framesPerSecond("30000/1001")?.toFixed(2), "29.97");
  assert.equal(framesPerSecond("0/0"), null);
  assert.equal(framesPerSecond(null), null);
  const ok = { width: 3840, height: 2160, frameRate: "120/1" };
  assert.equal(videoLimitProblem(ok, limits), null);
  assert.match(
    videoLimitProblem({ ...ok, height: 2161 }, limits)!,
    /too large/,
  );
  assert.match(
    videoLimitProblem({ ...ok, frameRate: "240/1" }, limits)!,
    /frame rate/,
  );
  assert.equal(
    videoLimitProblem({ width: null, height: null, frameRate: null }, limits),
    null,
    "audio-only or unreadable: nothing to judge",
  );
});
