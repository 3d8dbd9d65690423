/**
 * GET /media/<key> — uploaded files from local storage (and a redirect to the bucket under S3).
 * Served so that a file can never act as a page: exact content type, `nosniff`, and a sandboxed
 * CSP with nothing allowed. Keys are random and a file never changes: cached for a year.
 */
import { define } from "../../utils.ts";
import { isMediaKey, isPrivateKey } from "../../lib/media/storage.ts";

const FILE_HEADERS = {
  "cache-control": "public, max-age=31536000, immutable",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
  "cross-origin-resource-policy": "cross-origin",
  "access-control-allow-origin": "*",
};

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", ...FILE_HEADERS },
  });
}

async function serve(
  ctx: {
    params: Record<string, string>;
    state: { deps: import("../../lib/deps.ts").Deps };
  },
  head: boolean,
) {
  const { deps } = ctx.state;
  const key = ctx.params.key ?? "";
  if (!isMediaKey(key) || isPrivateKey(key)) return notFound();
  if (deps.media.kind !== "local") {
    // URLs rendered before a move to object storage keep working.
    return new Response(null, {
      status: 301,
      headers: { location: deps.media.url(key), ...FILE_HEADERS },
    });
  }
  const file = await deps.media.get(key);
  if (!file) return notFound();
  return new Response(head ? null : file.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.bytes.length),
      ...FILE_HEADERS,
    },
  });
}

export const handler = define.handlers({
  GET: (ctx) => serve(ctx, false),
  HEAD: (ctx) => serve(ctx, true),
});
