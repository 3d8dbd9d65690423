// HTTP content codings (RFC 9110 §8.4, §12.5.3): which coding a client accepts, which
// content types are worth compressing, and the brotli/gzip encoders (node:zlib, built into
// Deno). Shared by the precompressed island bundle and static files here and by an app's
// compression of dynamic responses.
import zlib from "node:zlib";
import { promisify } from "node:util";

export type ContentCoding = "br" | "gzip";

/** Below this, compression saves less than a packet and costs a round of CPU. */
export const MIN_COMPRESS_BYTES = 1024;

const brotliCompress = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * The coding to answer with, from an `Accept-Encoding` header and the codings on offer: the
 * acceptable one with the highest q-value, brotli on a tie (it is smaller); `*` covers codings
 * not named; none when the header is absent or only `identity` is acceptable.
 */
export function negotiateEncoding(
  acceptEncoding: string | null,
  offered: readonly ContentCoding[] = ["br", "gzip"],
): ContentCoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key === "q") weight = Number(value);
    }
    q.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  let best: ContentCoding | null = null;
  let bestWeight = 0;
  // Brotli first, so it wins ties.
  for (const coding of (["br", "gzip"] as const)) {
    if (!offered.includes(coding)) continue;
    const weight = q.get(coding) ??
      (coding === "gzip" ? q.get("x-gzip") : undefined) ?? q.get("*") ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

/**
 * Text-like types compress well; images, audio, video, fonts and archives are compressed
 * already, and an event stream must reach the client as each event is written.
 */
export function isCompressibleType(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "text/event-stream") return false;
  if (type.startsWith("text/")) return true;
  return /^application\/(json|javascript|ecmascript|xml|x-javascript|wasm|manifest\+json|[\w.+-]*\+(json|xml))$/
    .test(type) || type === "image/svg+xml";
}

/** `fast` for responses made per request; `max` for bytes compressed once and served often. */
export type Effort = "fast" | "max";

/** Bytes that own their buffer, as `Response` bodies want them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/**
 * Up to this size a per-request body is compressed on the calling thread. Measured
 * (bench/probes/compression.ts, server CPU per request in bench/probes/cpu-per-request.ts):
 * node:zlib's callback API costs ~0.3–0.4 ms of CPU per call beyond the encoding itself (the
 * hand-off to the thread pool and back), more than brotli at quality 1 takes for a 34 KB home
 * timeline (~0.1 ms); on two cores shared with Postgres the pool's thread has no core of its own
 * to run on anyway. Bigger bodies go to the pool so one response cannot hold the event loop
 * for long.
 */
const INLINE_MAX_BYTES = 256 * 1024;

export async function encode(
  bytes: Uint8Array,
  coding: ContentCoding,
  effort: Effort,
): Promise<Bytes> {
  if (effort === "fast") {
    // Quality 1 / level 1: a 34 KB timeline becomes ~6% of its size either way; quality 5
    // made it ~5% for 3× the CPU, and that CPU was a third of the request's (RESULTS.md).
    if (bytes.length <= INLINE_MAX_BYTES) {
      return new Uint8Array(
        coding === "gzip"
          ? zlib.gzipSync(bytes, { level: 1 })
          : zlib.brotliCompressSync(bytes, brotliOptions(1, bytes.length)),
      );
    }
    return new Uint8Array(
      coding === "gzip"
        ? await gzip(bytes, { level: 1 })
        : await brotliCompress(bytes, brotliOptions(1, bytes.length)),
    );
  }
  if (coding === "gzip") return new Uint8Array(await gzip(bytes, { level: 9 }));
  // Measured on a 93 KB page: quality 11 takes ~130 ms for 3.9 KB; fine for bytes made once.
  return new Uint8Array(
    await brotliCompress(bytes, brotliOptions(11, bytes.length)),
  );
}

function brotliOptions(quality: number, size: number): zlib.BrotliOptions {
  return {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  };
}

/** A body's compressed forms, made once; a coding is left out where it saves nothing. */
export type Precompressed = Partial<Record<ContentCoding, Bytes>>;

export async function precompress(
  bytes: Uint8Array,
  contentType: string,
): Promise<Precompressed> {
  if (bytes.length < MIN_COMPRESS_BYTES || !isCompressibleType(contentType)) {
    return {};
  }
  const [br, gz] = await Promise.all([
    encode(bytes, "br", "max"),
    encode(bytes, "gzip", "max"),
  ]);
  const result: Precompressed = {};
  if (br.length < bytes.length) result.br = br;
  if (gz.length < bytes.length) result.gzip = gz;
  return result;
}

/**
 * Picks the precompressed form this request accepts, or the original. Sets
 * `Content-Encoding`, `Content-Length` and `Vary` on `headers` to match.
 */
export function pickEncoded(
  req: Request,
  original: Bytes,
  encoded: Precompressed,
  headers: Headers,
): Bytes {
  const offered = Object.keys(encoded) as ContentCoding[];
  let body = original;
  if (offered.length > 0) {
    appendVary(headers, "Accept-Encoding");
    const coding = negotiateEncoding(
      req.headers.get("accept-encoding"),
      offered,
    );
    if (coding) {
      headers.set("content-encoding", coding);
      body = encoded[coding]!;
    }
  }
  headers.set("content-length", String(body.length));
  return body;
}

/** Adds `token` to the `Vary` header unless it (or `*`) is there already. */
export function appendVary(headers: Headers, token: string): void {
  const vary = headers.get("vary");
  const present = (vary ?? "").split(",").map((v) => v.trim().toLowerCase());
  if (present.includes(token.toLowerCase()) || present.includes("*")) return;
  headers.set("vary", vary ? `${vary}, ${token}` : token);
}
