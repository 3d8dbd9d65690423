/**
 * An emoji's image: checked like Mastodon checks one (PNG, GIF or WebP, at most 256 KB), its
 * metadata stripped, stored with a still first frame for `static_url`. Remote images are fetched
 * through the SSRF guard when an admin copies one.
 */
import type { Deps } from "../deps.ts";
import { invalid } from "../domain/errors.ts";
import { ImageDecodeError, processImage } from "../media/images.ts";
import { sniffMedia } from "../media/sniff.ts";
import { mediaKey } from "../media/storage.ts";
import { fetchFollowingRedirects, FetchRefused } from "../net/mod.ts";

/** Mastodon 4.5's `CustomEmoji::LOCAL_LIMIT`. */
export const EMOJI_SIZE_LIMIT = 256 * 1024;
export const EMOJI_TYPES = ["image/png", "image/gif", "image/webp"];

export interface StoredEmojiImage {
  key: string;
  staticKey: string;
  contentType: string;
}

export type ImageDeps = Pick<Deps, "media">;

/** Checks, processes and stores an emoji image; the caller records the keys. */
export async function storeEmojiImage(
  deps: ImageDeps,
  bytes: Uint8Array,
): Promise<StoredEmojiImage> {
  if (bytes.length === 0) throw invalid("Image can't be blank", "image");
  if (bytes.length > EMOJI_SIZE_LIMIT) {
    throw invalid("Image must be less than 256 KB", "image");
  }
  const sniffed = sniffMedia(bytes);
  if (!sniffed || !EMOJI_TYPES.includes(sniffed.contentType)) {
    throw invalid("Image must be a PNG, GIF or WebP file", "image");
  }
  let image;
  try {
    image = await processImage(bytes, sniffed.contentType);
  } catch (error) {
    if (error instanceof ImageDecodeError) {
      throw invalid(error.message, "image");
    }
    throw error;
  }
  const key = mediaKey("emojis", "original", image.original.extension);
  const staticKey = key.replace(/original\.[a-z0-9]+$/, "static.webp");
  await deps.media.put(key, image.original.bytes, image.original.contentType);
  await deps.media.put(staticKey, image.preview.bytes, "image/webp");
  return { key, staticKey, contentType: image.original.contentType };
}

/** A remote emoji's image, fetched through the SSRF guard (redirects followed, counted). */
export async function fetchEmojiImage(
  deps: Pick<Deps, "config" | "resolveHost">,
  url: string,
): Promise<Uint8Array> {
  let response: Response;
  try {
    ({ response } = await fetchFollowingRedirects(
      new URL(url),
      (current) => new Request(current),
      {
        allowPrivateAddress: deps.config.allowPrivateAddress,
        resolve: deps.resolveHost,
        maxBytes: EMOJI_SIZE_LIMIT + 1,
        maxRedirects: 3,
      },
    ));
  } catch (error) {
    if (error instanceof FetchRefused) {
      throw invalid(`The image could not be fetched: ${error.reason}`);
    }
    throw error;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw invalid(`The image could not be fetched: HTTP ${response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}
