import { define } from "../../utils.ts";

export const handler = define.handlers({
  GET(ctx) {
    return Response.json({ items: [1, 2], route: ctx.route });
  },
  POST() {
    return new Response("created", { status: 201 });
  },
});
