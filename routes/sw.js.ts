/**
 * `/sw.js`: the service worker behind browser notifications (`static/sw.js`), served from the
 * root because a worker only controls pages under its own path, and its click opens `/notifications`.
 */
import { define } from "../utils.ts";

export const handler = define.handlers({
  async GET(ctx) {
    const source = await Deno.readFile(
      `${ctx.state.deps.config.rootDir}/static/sw.js`,
    );
    return new Response(source, {
      headers: {
        "content-type": "text/javascript; charset=utf-8",
        // Browsers check for a new worker on navigation; let them see a changed one at once.
        "cache-control": "no-cache",
      },
    });
  },
});
