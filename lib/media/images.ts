/**
 * Image processing with sharp (libvips): decode strictly (a truncated or corrupt file is refused),
 * turn by its EXIF orientation, drop every metadata block (EXIF, GPS, XMP, ICC is converted to
 * sRGB), shrink to Mastodon's 8.3 MP limit, and make a preview (longest side ≤ 640 px) and a
 * blurhash. sharp writes no metadata unless asked to, so stripping is the default behaviour.
 */
import { MEDIA_LIMITS } from "./limits.ts";
import type sharpModule from "sharp";
import { encode as encodeBlurhash } from "blurhash";

type Sharp = typeof sharpModule;
type SharpPipeline = ReturnType<Sharp>;

/**
 * sharp (with libvips) is ~35 MiB of resident memory once loaded: load it at the first image,
 * not at start-up, so a server nobody uploads to stays small.
 */
let sharpLoading: Promise<Sharp> | null = null;
function loadSharp(): Promise<Sharp> {
  sharpLoading ??= import("sharp").then((m) => m.default);
  return sharpLoading;
}

/** Mastodon's limit for a stored image: 3840×2160 pixels' worth. */
export const MAX_STORED_PIXELS = 3840 * 2160;
/** What we agree to decode at all (Mastodon's `image_matrix_limit`). */
export const MAX_INPUT_PIXELS = MEDIA_LIMITS.image_matrix_limit;
export const PREVIEW_SIZE = 640;

export interface Dimensions {
  width: number;
  height: number;
  size: string;
  aspect: number;
}

export interface ProcessedImage {
  original: { bytes: Uint8Array; contentType: string; extension: string };
  preview: { bytes: Uint8Array; contentType: string; extension: string };
  meta: { original: Dimensions; small: Dimensions };
  blurhash: string;
}

/** The file could not be read as the image it claims to be. */
export class ImageDecodeError extends Error {}

function dimensions(width: number, height: number): Dimensions {
  return {
    width,
    height,
    size: `${width}x${height}`,
    aspect: Math.round((width / height) * 1e6) / 1e6,
  };
}

export interface ImageOptions {
  /** Crop to exactly this box (avatars 400×400, headers 1500×500) instead of keeping the shape. */
  cover?: { width: number; height: number };
}

export async function processImage(
  input: Uint8Array,
  contentType: string,
  options: ImageOptions = {},
): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  const animated = contentType === "image/gif" ||
    contentType === "image/webp";
  const open = (multiFrame: boolean) =>
    sharp(input, {
      failOn: "warning",
      limitInputPixels: MAX_INPUT_PIXELS,
      animated: multiFrame,
    });
  let info: Awaited<ReturnType<SharpPipeline["metadata"]>>;
  try {
    info = await open(false).metadata();
  } catch (error) {
    throw new ImageDecodeError(decodeProblem(error));
  }
  const pages = animated && !options.cover ? (info.pages ?? 1) : 1;
  // Orientation 5–8 swap width and height.
  const swap = (info.orientation ?? 1) >= 5;
  const width0 = (swap ? info.height : info.width) ?? 0;
  const height0 = (swap ? info.width : info.pageHeight ?? info.height) ??
    0;
  if (!width0 || !height0) throw new ImageDecodeError("Image has no size");

  try {
    let pipeline = open(pages > 1).rotate();
    if (options.cover) {
      pipeline = pipeline.resize({
        ...options.cover,
        fit: "cover",
        position: "attention",
        withoutEnlargement: false,
      });
    } else if (width0 * height0 > MAX_STORED_PIXELS) {
      const scale = Math.sqrt(MAX_STORED_PIXELS / (width0 * height0));
      pipeline = pipeline.resize({
        width: Math.floor(width0 * scale),
        height: Math.floor(height0 * scale),
        fit: "inside",
      });
    }
    const encoded = encodeLike(pipeline, contentType, pages > 1);
    const { data: originalBytes, info: originalInfo } = await encoded
      .toBuffer({ resolveWithObject: true });
    const originalHeight = pages > 1
      ? Math.round(originalInfo.height / pages)
      : originalInfo.height;

    // The preview and blurhash come from the stored (oriented, stripped) image's first frame.
    const base = () => sharp(originalBytes, { failOn: "none" });
    const { data: previewBytes, info: previewInfo } = await base()
      .resize({
        width: PREVIEW_SIZE,
        height: PREVIEW_SIZE,
        fit: "inside",
        withoutEnlargement: true,
      })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    const { data: pixels, info: pixelInfo } = await base()
      .resize({ width: 32, height: 32, fit: "inside" })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const blurhash = encodeBlurhash(
      new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.length),
      pixelInfo.width,
      pixelInfo.height,
      4,
      3,
    );
    return {
      original: {
        bytes: new Uint8Array(originalBytes),
        contentType: outputType(contentType),
        extension: outputType(contentType).split("/")[1].replace("jpeg", "jpg"),
      },
      preview: {
        bytes: new Uint8Array(previewBytes),
        contentType: "image/webp",
        extension: "webp",
      },
      meta: {
        original: dimensions(originalInfo.width, originalHeight),
        small: dimensions(previewInfo.width, previewInfo.height),
      },
      blurhash,
    };
  } catch (error) {
    throw new ImageDecodeError(decodeProblem(error));
  }
}

/** Formats we re-encode to themselves; anything else sharp reads becomes JPEG. */
function outputType(contentType: string): string {
  return ["image/png", "image/gif", "image/webp", "image/avif"].includes(
      contentType,
    )
    ? contentType
    : "image/jpeg";
}

function encodeLike(
  pipeline: SharpPipeline,
  contentType: string,
  animated: boolean,
): SharpPipeline {
  switch (outputType(contentType)) {
    case "image/png":
      return pipeline.png();
    case "image/gif":
      return pipeline.gif(animated ? {} : {});
    case "image/webp":
      return pipeline.webp({ quality: 90 });
    case "image/avif":
      return pipeline.avif({ quality: 60 });
    default:
      return pipeline.flatten({ background: "#ffffff" }).jpeg({
        quality: 90,
        mozjpeg: false,
      });
  }
}

/** libvips' message, first line only: "VipsJpeg: premature end of JPEG image". */
function decodeProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split("\n").find((l) => l.trim()) ?? "unreadable";
  if (/pixel limit/i.test(line)) return "Image is too large (pixel limit)";
  return `Image could not be read: ${line.replace(/^Input buffer has /, "")}`;
}
