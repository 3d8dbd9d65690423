/** GET /health — Mastodon's liveness check: `OK` while the database answers, 503 otherwise. */
import { define } from "../utils.ts";

export const handler = define.handlers({
  async GET(ctx) {
    try {
      await ctx.state.deps.sql`SELECT 1`;
      return new Response("OK", { headers: { "content-type": "text/plain" } });
    } catch {
      return new Response("Database unavailable", {
        status: 503,
        headers: { "content-type": "text/plain" },
      });
    }
  },
});
