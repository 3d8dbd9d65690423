/** Test images made with sharp, and small helpers for the media tests. */
import sharp from "sharp";
import type { TestInstance } from "../helpers/app.ts";

/**
 * A photo-like JPEG (noise over two colour halves, so it compresses like a photo) whose stored
 * pixels are `width`×`height`, top half red and bottom half blue, carrying EXIF (camera make,
 * GPS position) and the given orientation tag.
 */
export async function photoJpeg(
  width: number,
  height: number,
  orientation = 6,
): Promise<Uint8Array> {
  const pixels = new Uint8Array(width * height * 3);
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    const top = y < height / 2;
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed >> 16) % 40;
      const i = (y * width + x) * 3;
      pixels[i] = top ? 200 + noise : 20 + noise;
      pixels[i + 1] = 20 + noise + Math.floor((x / width) * 40);
      pixels[i + 2] = top ? 20 + noise : 200 + noise;
    }
  }
  const bytes = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .withMetadata({
      orientation,
      exif: {
        IFD0: { Make: "TestCam", Model: "Starling 1" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "48/1 51/1 0/1",
          GPSLongitudeRef: "E",
          GPSLongitude: "2/1 21/1 0/1",
        },
      },
    })
    .toBuffer();
  return new Uint8Array(bytes);
}

export async function smallPng(width = 64, height = 48): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({
      create: { width, height, channels: 4, background: "#3366ccff" },
    }).png().toBuffer(),
  );
}

/** Every file under the instance's local media directory. */
export async function storedFiles(instance: TestInstance): Promise<string[]> {
  const root = `${instance.deps.config.dataDir}/media`;
  const files: string[] = [];
  async function walk(dir: string) {
    try {
      for await (const entry of Deno.readDir(dir)) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory) await walk(path);
        else files.push(path.slice(root.length + 1));
      }
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
  await walk(root);
  return files.sort();
}

export function upload(
  instance: TestInstance,
  token: string,
  file: { bytes: Uint8Array; type: string; name?: string },
  fields: Record<string, string> = {},
  path = "/api/v2/media",
): Promise<Response> {
  const form = new FormData();
  form.set(
    "file",
    new File([file.bytes as Uint8Array<ArrayBuffer>], file.name ?? "upload", {
      type: file.type,
    }),
  );
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return instance.fetch(path, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}
