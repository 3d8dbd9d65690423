/**
 * What a file really is, from its first bytes: an upload is judged by its content, never by the
 * name or type the client gave it.
 */

export type MediaKind = "image" | "video" | "audio";

export interface Sniffed {
  contentType: string;
  kind: MediaKind;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

const IMAGE_BRANDS = new Set(["avif", "avis"]);
const HEIC_BRANDS = new Set(["heic", "heix", "mif1", "msf1", "heim", "heis"]);

export function sniffMedia(bytes: Uint8Array): Sniffed | null {
  if (bytes.length < 12) return null;
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    return { contentType: "image/jpeg", kind: "image" };
  }
  if (
    b[0] === 0x89 && ascii(b, 1, 3) === "PNG" && b[4] === 0x0d && b[5] === 0x0a
  ) return { contentType: "image/png", kind: "image" };
  if (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a") {
    return { contentType: "image/gif", kind: "image" };
  }
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP") {
    return { contentType: "image/webp", kind: "image" };
  }
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WAVE") {
    return { contentType: "audio/wav", kind: "audio" };
  }
  if (ascii(b, 4, 4) === "ftyp") {
    const brand = ascii(b, 8, 4);
    if (IMAGE_BRANDS.has(brand)) {
      return { contentType: "image/avif", kind: "image" };
    }
    if (HEIC_BRANDS.has(brand)) {
      return { contentType: "image/heic", kind: "image" };
    }
    if (brand === "qt  ") {
      return { contentType: "video/quicktime", kind: "video" };
    }
    if (brand === "M4A ") return { contentType: "audio/mp4", kind: "audio" };
    return { contentType: "video/mp4", kind: "video" };
  }
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) {
    return { contentType: "video/webm", kind: "video" };
  }
  if (ascii(b, 0, 4) === "OggS") {
    return { contentType: "audio/ogg", kind: "audio" };
  }
  if (ascii(b, 0, 3) === "ID3" || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0)) {
    return { contentType: "audio/mpeg", kind: "audio" };
  }
  return null;
}

const ALIASES: Record<string, string> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "audio/mp3": "audio/mpeg",
  "audio/x-wav": "audio/wav",
  "audio/wave": "audio/wav",
  "audio/vorbis": "audio/ogg",
  "video/ogg": "audio/ogg",
};

/**
 * Whether the type the client claimed fits what the bytes are. Generic or missing claims fit
 * anything; a specific claim must be of the same kind (an image claimed as an image).
 */
export function claimFits(claimed: string, sniffed: Sniffed): boolean {
  const type = ALIASES[claimed.toLowerCase().split(";")[0].trim()] ??
    claimed.toLowerCase().split(";")[0].trim();
  if (!type || type === "application/octet-stream") return true;
  return type.split("/")[0] === sniffed.kind ||
    (sniffed.kind === "audio" && type.startsWith("video/"));
}
