// `app.use(staticFiles("./static"))`: serves files with an ETag. URLs made
// with `asset()` carry the build id and are cached as immutable.
import { extname, join, resolve, sep } from "node:path";
import type { Context } from "./context.ts";

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
    const headers = new Headers({
      "content-type": TYPES[extname(file).toLowerCase()] ??
        "application/octet-stream",
      etag,
      "cache-control": ctx.url.searchParams.has("__frsh_c")
        ? "public, max-age=31536000, immutable"
        : "public, max-age=0, must-revalidate",
    });
    if (ctx.req.headers.get("if-none-match") === etag) {
      return new Response(null, { status: 304, headers });
    }
    headers.set("content-length", String(stat.size));
    if (method === "HEAD") return new Response(null, { headers });
    return new Response((await Deno.open(file)).readable, { headers });
  };
}
