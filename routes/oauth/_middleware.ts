/** CORS for the token endpoints, which browser apps call from their own origin. */
import { define } from "../../utils.ts";
import { preflightResponse, withCors } from "../../lib/mastodon/cors.ts";

export default define.middleware(async (ctx) => {
  if (ctx.url.pathname === "/oauth/authorize") return await ctx.next();
  if (ctx.req.method === "OPTIONS") return preflightResponse(ctx.req);
  return withCors(await ctx.next());
});
