import { define } from "../utils.ts";

export default define.middleware(async (ctx) => {
  ctx.state.trail = ["root"];
  const response = await ctx.next();
  response.headers.set("x-root-middleware", ctx.state.trail.join(","));
  return response;
});
