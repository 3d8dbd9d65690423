import { define } from "../../utils.ts";

export default define.middleware([
  (ctx) => {
    ctx.state.trail.push("admin1");
    return ctx.next();
  },
  (ctx) => {
    ctx.state.trail.push("admin2");
    return ctx.next();
  },
]);
