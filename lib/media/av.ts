/**
 * Video and audio: stored as uploaded. When Debian's `ffmpeg`/`ffprobe` are installed (detected
 * once at start), a preview frame and the duration are added; without them the file is still
 * stored and served, just with no preview.
 */

export interface AvTools {
  ffmpeg: string;
  ffprobe: string;
}

async function runs(command: string): Promise<boolean> {
  try {
    const { success } = await new Deno.Command(command, {
      args: ["-version"],
      stdout: "null",
      stderr: "null",
    }).output();
    return success;
  } catch {
    return false;
  }
}

/** ffmpeg and ffprobe from PATH, or null when either is missing. */
export async function detectAvTools(): Promise<AvTools | null> {
  const [ffmpeg, ffprobe] = await Promise.all([
    runs("ffmpeg"),
    runs("ffprobe"),
  ]);
  return ffmpeg && ffprobe ? { ffmpeg: "ffmpeg", ffprobe: "ffprobe" } : null;
}

export interface AvInfo {
  duration: number | null;
  width: number | null;
  height: number | null;
  frameRate: string | null;
  /** One frame as PNG (videos only). */
  frame: Uint8Array | null;
}

/** Runs ffprobe (and ffmpeg for a frame) on a temporary copy of the file; 60 s at most. */
export async function probeAv(
  tools: AvTools,
  bytes: Uint8Array,
  isVideo: boolean,
): Promise<AvInfo> {
  const path = await Deno.makeTempFile({ prefix: "starling-av-" });
  const signal = AbortSignal.timeout(60_000);
  try {
    await Deno.writeFile(path, bytes);
    const probe = await new Deno.Command(tools.ffprobe, {
      args: [
        "-v",
        "error",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        path,
      ],
      stdout: "piped",
      stderr: "null",
      signal,
    }).output();
    if (!probe.success) throw new Error("ffprobe could not read the file");
    const json = JSON.parse(new TextDecoder().decode(probe.stdout));
    const video = (json.streams ?? []).find((s: { codec_type?: string }) =>
      s.codec_type === "video"
    );
    let frame: Uint8Array | null = null;
    if (isVideo && video) {
      const out = await new Deno.Command(tools.ffmpeg, {
        args: [
          "-v",
          "error",
          "-i",
          path,
          "-frames:v",
          "1",
          "-f",
          "image2pipe",
          "-vcodec",
          "png",
          "-",
        ],
        stdout: "piped",
        stderr: "null",
        signal,
      }).output();
      if (out.success && out.stdout.length) frame = out.stdout;
    }
    const duration = Number(json.format?.duration);
    return {
      duration: Number.isFinite(duration) ? duration : null,
      width: video?.width ?? null,
      height: video?.height ?? null,
      frameRate: video?.avg_frame_rate ?? null,
      frame,
    };
  } finally {
    await Deno.remove(path).catch(() => {});
  }
}

/** Frames per second from ffprobe's `avg_frame_rate` ("30000/1001", "25/1", "0/0"). */
export function framesPerSecond(rate: string | null): number | null {
  if (!rate) return null;
  const [num, den = "1"] = rate.split("/");
  const value = Number(num) / Number(den);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Why a probed video breaks the advertised limits (`video_matrix_limit`,
 * `video_frame_rate_limit`), or null when it doesn't.
 */
export function videoLimitProblem(
  info: Pick<AvInfo, "width" | "height" | "frameRate">,
  limits: { video_matrix_limit: number; video_frame_rate_limit: number },
): string | null {
  if (
    info.width && info.height &&
    info.width * info.height > limits.video_matrix_limit
  ) {
    return `Video is too large (maximum ${limits.video_matrix_limit} pixels a frame)`;
  }
  const fps = framesPerSecond(info.frameRate);
  if (fps && fps > limits.video_frame_rate_limit) {
    return `Video frame rate is too high (maximum ${limits.video_frame_rate_limit} frames a second)`;
  }
  return null;
}
