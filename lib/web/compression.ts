/**
 * Compression of the responses made per request: pages, the Mastodon API's JSON, ActivityPub
 * and WebFinger documents, feeds. Deno.serve (2.9) sends bodies as they are, so this is the one
 * place they get compressed. Island bundles and static files come precompressed from the web
 * layer (they carry `Content-Encoding` already and pass through here untouched).
 */
import { appendVary } from "./headers.ts";
import {
  encode,
  isCompressibleType,
  MIN_COMPRESS_BYTES,
  negotiateEncoding,
} from "../fresh/encoding.ts";

/**
 * `response`, compressed with brotli or gzip as the request's `Accept-Encoding` allows, when it
 * is text-like, at least 1 KB and not a stream (SSE, WebSocket upgrade). Compressible responses
 * get `Vary: Accept-Encoding` whether or not this one was compressed, so caches keep codings
 * apart; a strong ETag becomes weak (the bytes differ per coding, the content does not).
 */
export async function compressResponse(
  req: Request,
  response: Response,
): Promise<Response> {
  const headers = response.headers;
  if (
    response.body === null ||
    response.status === 101 || response.status === 204 ||
    response.status === 206 || response.status === 304 ||
    req.headers.get("upgrade") !== null ||
    headers.has("content-encoding") || headers.has("content-range") ||
    /\bno-transform\b/i.test(headers.get("cache-control") ?? "") ||
    !isCompressibleType(headers.get("content-type"))
  ) {
    return response;
  }
  const declared = headers.get("content-length");
  const coding = negotiateEncoding(req.headers.get("accept-encoding"));
  const small = declared !== null && Number(declared) < MIN_COMPRESS_BYTES;
  const out = new Headers(headers);
  appendVary(out, "Accept-Encoding");
  if (!coding || small) return rebuilt(response, response.body, out);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length < MIN_COMPRESS_BYTES) return rebuilt(response, bytes, out);
  const compressed = await encode(bytes, coding, "fast");
  out.set("content-encoding", coding);
  out.delete("content-length"); // set from the new body
  const etag = out.get("etag");
  if (etag && !etag.startsWith("W/")) out.set("etag", `W/${etag}`);
  return rebuilt(response, compressed, out);
}

function rebuilt(
  response: Response,
  body: BodyInit,
  headers: Headers,
): Response {
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
