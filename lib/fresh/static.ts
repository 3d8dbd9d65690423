// `app.use(staticFiles("./static"))`: serves files with an ETag. URLs made
// with `asset()` carry the build id and are cached as immutable. Text files
// (CSS, JS, SVG…) are compressed once per file version, on their first
// request, and then served from memory in the coding the client accepts.
import { extname, join, resolve, sep } from "node:path";
import type { Context } from "./context.ts";
import {
  type Bytes,
  isCompressibleType,
  MIN_COMPRESS_BYTES,
  pickEncoded,
  precompress,
  type Precompressed,
} from "./encoding.ts";

/** Larger text files are streamed from disk as they are, not held in memory. */
const MAX_PRECOMPRESSED_BYTES = 4 * 1024 * 1024;

interface Compressed {
  etag: string;
  loaded: Promise<{ content: Bytes; encoded: Precompressed }>;
}

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

export function staticFiles<State>(dir: string) {
  const root = resolve(dir);
  // File → its compressed forms for one version (ETag); a changed file replaces its entry.
  const compressed = new Map<string, Compressed>();
  const load = (file: string, etag: string, type: string) => {
    let entry = compressed.get(file);
    if (entry?.etag !== etag) {
      entry = {
        etag,
        loaded: Deno.readFile(file).then(async (content) => ({
          content,
          encoded: await precompress(content, type),
        })),
      };
      entry.loaded.catch(() => compressed.delete(file));
      compressed.set(file, entry);
    }
    return entry.loaded;
  };
  return async function serveStatic(ctx: Context<State>): Promise<Response> {
    const method = ctx.req.method;
    if (method !== "GET" && method !== "HEAD") return ctx.next();
    let path: string;
    try {
      path = decodeURIComponent(ctx.url.pathname);
    } catch {
      return ctx.next();
    }
    if (path.includes("\0") || path.split("/").includes("..")) {
      return ctx.next();
    }
    const file = join(root, path);
    if (!file.startsWith(root + sep)) return ctx.next();
    let stat: Deno.FileInfo;
    try {
      stat = await Deno.stat(file);
    } catch {
      return ctx.next();
    }
    if (!stat.isFile) return ctx.next();
    const etag = `W/"${stat.size.toString(36)}-${
      (stat.mtime?.getTime() ?? 0).toString(36)
    }"`;
    const type = TYPES[extname(file).toLowerCase()] ??
      "application/octet-stream";
    const headers = new Headers({
      "content-type": type,
      etag,
      "cache-control": ctx.url.searchParams.has("__frsh_c")
        ? "public, max-age=31536000, immutable"
        : "public, max-age=0, must-revalidate",
    });
    const compressible = isCompressibleType(type) &&
      stat.size >= MIN_COMPRESS_BYTES && stat.size <= MAX_PRECOMPRESSED_BYTES;
    if (compressible) headers.set("vary", "Accept-Encoding");
    if (ctx.req.headers.get("if-none-match") === etag) {
      return new Response(null, { status: 304, headers });
    }
    if (compressible) {
      // The ETag is weak, so it stands for every coding of this version.
      const { content, encoded } = await load(file, etag, type);
      const body = pickEncoded(ctx.req, content, encoded, headers);
      return new Response(
        method === "HEAD" ? null : body,
        { headers },
      );
    }
    headers.set("content-length", String(stat.size));
    if (method === "HEAD") return new Response(null, { headers });
    return new Response((await Deno.open(file)).readable, { headers });
  };
}
